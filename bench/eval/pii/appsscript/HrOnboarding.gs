/**
 * New-hire onboarding: copies the offer-acceptance form into the HR tracker, the payroll
 * provider and the IT request sheet. Owner: HR coordinator. Trigger: on form submit.
 */
const HR_SHEET_ID = PropertiesService.getScriptProperties().getProperty('HR_SHEET_ID');
const PAYROLL_URL = 'https://api.payroll-provider.example.com/v1/employees';

function onOfferAccepted(e) {
  const v = e.namedValues;
  const hire = {
    name: v['Full name'][0],
    email: v['Personal email'][0],
    ssn: v['Social Security Number'][0],
    dob: v['Date of birth'][0],
    bankAccount: v['Bank account number'][0],
    routingNumber: v['Routing number'][0],
    homeAddress: v['Home address'][0],
  };
  const tracker = SpreadsheetApp.openById(HR_SHEET_ID).getSheetByName('New hires');
  if (tracker.getLastRow() === 0) {
    // expect: pii/pii-written-to-sheet-or-file
    tracker.appendRow(['Timestamp', 'Name', 'Email', 'SSN', 'DOB', 'Bank account']);
  }
  // expect: pii/pii-written-to-sheet-or-file
  tracker.appendRow([new Date(), hire.name, hire.email, hire.ssn, hire.dob, hire.bankAccount]);
  // expect-none: pii
  tracker.appendRow([new Date(), hire.name, hire.email, 'on file', 'on file', 'on file']);
  // expect: pii/pii-in-log
  Logger.log('Onboarding %s, SSN %s, DOB %s', hire.name, hire.ssn, hire.dob);
  // expect-none: pii
  Logger.log('Onboarding row %s written', tracker.getLastRow());
  sendToPayroll_(hire);
  requestLaptop_(hire);
}

function sendToPayroll_(hire) {
  const options = {
    method: 'post',
    contentType: 'application/json',
    // expect: pii/pii-sent-to-third-party
    payload: JSON.stringify({ name: hire.name, ssn: hire.ssn, routing: hire.routingNumber, account: hire.bankAccount }),
    muteHttpExceptions: true,
  };
  const resp = UrlFetchApp.fetch(PAYROLL_URL, options);
  // expect-none: pii
  console.log('Payroll provider answered', resp.getResponseCode());
  // expect-none: pii
  UrlFetchApp.fetch(PAYROLL_URL + '/ping', { method: 'get', muteHttpExceptions: true });
}

function requestLaptop_(hire) {
  const it = SpreadsheetApp.openById(HR_SHEET_ID).getSheetByName('IT requests');
  // expect-none: pii
  it.appendRow([new Date(), hire.name, hire.email, 'Laptop']);
  // expect: pii/pii-written-to-sheet-or-file
  it.getRange(it.getLastRow(), 5).setValue(hire.homeAddress);
}

function exportPayrollCsv() {
  const rows = SpreadsheetApp.openById(HR_SHEET_ID).getSheetByName('New hires').getDataRange().getValues();
  const csv = rows.map((r) => [r[1], r[3], r[4]].join(',')).join('\n');
  // expect: pii/pii-written-to-sheet-or-file
  DriveApp.createFile('payroll-ssn-dob-export.csv', 'Name,SSN,DOB\n' + csv, MimeType.CSV);
  // expect-none: pii
  DriveApp.createFile('headcount.txt', String(rows.length - 1));
}

function auditMissingDocuments() {
  const data = SpreadsheetApp.openById(HR_SHEET_ID).getSheetByName('New hires').getDataRange().getValues();
  let missing = 0;
  data.slice(1).forEach((row) => {
    const ssn = row[3];
    if (!ssn) missing++;
    // expect-none: pii
    Logger.log('Row has SSN: ' + (ssn ? 'yes' : 'no'));
    // expect-none: pii
    console.log('SSN ends in ' + String(ssn).slice(-4));
  });
  // expect-none: pii
  Logger.log('Hires missing an SSN: ' + missing);
}
