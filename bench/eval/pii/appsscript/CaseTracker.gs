// Case tracker: form submissions go to the shared "Cases" sheet and to the county's API.
var COUNTY_URL = 'https://county.example.gov/api/cases';

function onCaseSubmit(e) {
  var form = e.namedValues;
  var sheet = SpreadsheetApp.getActive().getSheetByName('Cases');
  var row = [new Date(), form['Name'][0], form['SSN'][0], form['Date of birth'][0]];
  // expect: pii/pii-written-to-sheet-or-file
  sheet.appendRow(row);
  var stats = [new Date(), form['Office'][0], 1];
  // expect-none: pii
  SpreadsheetApp.getActive().getSheetByName('Stats').appendRow(stats);
  var record = { name: form['Name'][0], passportNumber: form['Passport'][0] };
  // expect: pii/pii-in-log
  Logger.log(record);
  var info = { office: form['Office'][0], received: new Date() };
  // expect-none: pii
  Logger.log(info);
}

function notifyCounty(caseId, form) {
  var payload = { caseId: caseId, email: form['Email'][0], dob: form['Date of birth'][0] };
  // expect: pii/pii-sent-to-third-party
  var options = { method: 'post', contentType: 'application/json', payload: JSON.stringify(payload) };
  UrlFetchApp.fetch(COUNTY_URL, options);
}

function notifyCountyStatus(caseId) {
  var payload = { caseId: caseId, status: 'received' };
  // expect-none: pii
  UrlFetchApp.fetch(COUNTY_URL + '/status', { method: 'post', payload: JSON.stringify(payload) });
}

function writeHeaders() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Cases');
  var headers = ['Received', 'Name', 'SSN', 'Date of birth'];
  // expect: pii/pii-written-to-sheet-or-file
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  var statsHeaders = ['Date', 'Office', 'Count'];
  // expect-none: pii
  sheet.getRange(1, 6, 1, statsHeaders.length).setValues([statsHeaders]);
}
