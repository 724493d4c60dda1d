/**
 * Patient intake for the clinic's waiting-list spreadsheet and the weekly summary for the
 * referral partners. Built by the practice manager.
 */
const INTAKE_ID = '1xYzClinicIntakeSheetIdNotASecret';

function onIntakeSubmit(e) {
  const r = e.namedValues;
  const patient = {
    name: r['Name'][0],
    phone: r['Phone'][0],
    birthDate: r['Date of birth'][0],
    diagnosis: r['Referral diagnosis'][0],
    insuranceMemberId: r['Insurance member ID'][0],
    mrn: r['Medical record number'][0],
  };
  const sheet = SpreadsheetApp.openById(INTAKE_ID).getSheetByName('Waiting list');
  // expect: pii/pii-written-to-sheet-or-file
  sheet.appendRow([new Date(), patient.name, patient.phone, patient.birthDate, patient.diagnosis]);
  const row = sheet.getLastRow();
  // expect: pii/pii-written-to-sheet-or-file
  sheet.getRange(row, 6, 1, 2).setValues([[patient.insuranceMemberId, patient.mrn]]);
  // expect-none: pii
  sheet.getRange(row, 8).setValue(patient.diagnosis ? 'Referral attached' : 'No referral');
  // expect-none: pii
  sheet.getRange(row, 9).setValue(new Date());
  // expect: pii/pii-in-log
  console.log('Intake for ' + patient.name + ': ' + patient.diagnosis);
  // expect: pii/pii-in-log
  Logger.log(JSON.stringify({ mrn: patient.mrn, phone: patient.phone }));
  // expect-none: pii
  Logger.log('Intake stored in row ' + row);
  // expect: pii/pii-sent-to-third-party
  UrlFetchApp.fetch('https://hooks.slack.com/services/T000/B000/XXXX', { method: 'post', payload: JSON.stringify({ text: 'New patient ' + patient.name + ' (' + patient.diagnosis + ')' }) });
  // expect-none: pii
  UrlFetchApp.fetch('https://hooks.slack.com/services/T000/B000/XXXX', { method: 'post', payload: JSON.stringify({ text: 'New patient on the waiting list, row ' + row }) });
}

function weeklyPartnerSummary() {
  const values = SpreadsheetApp.openById(INTAKE_ID).getSheetByName('Waiting list').getDataRange().getValues();
  const out = SpreadsheetApp.create('Partner summary ' + new Date().toISOString().slice(0, 10));
  // expect: pii/pii-written-to-sheet-or-file
  out.getActiveSheet().appendRow(['Name', 'Date of birth', 'Diagnosis']);
  const rows = values.slice(1).map((v) => [v[1], v[3], v[4]]);
  out.getActiveSheet().getRange(2, 1, rows.length, 3).setValues(rows);
  // expect-none: pii
  out.getActiveSheet().appendRow(['Total waiting', rows.length, '']);
  out.addEditors(['referrals@partner-clinic.example.org']);
}

function askGeminiForTriage(patient) {
  const key = PropertiesService.getScriptProperties().getProperty('GEMINI_KEY');
  const options = {
    method: 'post',
    contentType: 'application/json',
    // expect: pii/pii-sent-to-third-party
    payload: JSON.stringify({ contents: [{ parts: [{ text: 'Triage this referral: ' + patient.diagnosis + ', born ' + patient.birthDate }] }] }),
  };
  return UrlFetchApp.fetch('https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=' + key, options);
}
