/**
 * Tenant application intake: copies Google Form responses into the leasing team's tracker.
 * Owner: property operations manager.
 */
const TRACKER_ID = PropertiesService.getScriptProperties().getProperty('TRACKER_ID');

function onFormSubmit(e) {
  const answers = e.namedValues;
  const applicant = {
    name: answers['Full name'][0],
    email: answers['Email'][0],
    ssn: answers['Social Security Number'][0],
    dateOfBirth: answers['Date of birth'][0],
    income: answers['Monthly income'][0],
  };
  const sheet = SpreadsheetApp.openById(TRACKER_ID).getSheetByName('Applicants');
  if (sheet.getLastRow() === 0) {
    // expect: pii/pii-written-to-sheet-or-file
    sheet.appendRow(['Timestamp', 'Name', 'Email', 'SSN', 'Income']);
  }
  // expect: pii/pii-written-to-sheet-or-file
  sheet.appendRow([new Date(), applicant.name, applicant.email, applicant.ssn, applicant.income]);
  sheet.appendRow([new Date(), applicant.name, applicant.email, maskSsn_(applicant.ssn), applicant.income]);
  // expect: pii/pii-in-log
  Logger.log('New application from %s, SSN %s', applicant.name, applicant.ssn);
  // expect: pii/pii-in-log
  Logger.log('New application from %s (%s)', applicant.name, applicant.email);
  console.log('Applicant has SSN: ' + Boolean(applicant.ssn));
  // expect: pii/pii-in-log
  console.log('Applicant DOB: ' + applicant.dateOfBirth);
  notifyLeasingTeam_(applicant);
}

function maskSsn_(ssn) {
  return 'XXX-XX-' + String(ssn).slice(-4);
}

function notifyLeasingTeam_(applicant) {
  const summary = SpreadsheetApp.openById(TRACKER_ID).getSheetByName('Summary');
  const row = summary.getLastRow() + 1;
  summary.getRange(row, 1, 1, 3).setValues([[applicant.name, applicant.email, applicant.income]]);
  // expect: pii/pii-written-to-sheet-or-file
  summary.getRange(row, 4).setValue(applicant.dateOfBirth);
  summary.getRange(row, 5).setValue(applicant.ssn ? 'on file' : 'missing');
  summary.getRange(1, 1, 1, 4).setValues([['Name', 'Email', 'Income', 'SSN on file']]);
  Logger.log('Summary updated for row ' + row);
}
