// Screening requests from the form go to the shared sheet and the bureau.
function onScreeningSubmit(e) {
  var v = e.namedValues;
  var sheet = SpreadsheetApp.getActive().getSheetByName('Screening');
  var entry = [new Date(), v['Unit'][0], v['Passport number'][0]];
  // expect: pii/pii-written-to-sheet-or-file
  sheet.appendRow(entry);
  var tally = [new Date(), v['Unit'][0]];
  // expect-none: pii
  sheet.appendRow(tally);
  var request = { unit: v['Unit'][0], passportNumber: v['Passport number'][0] };
  // expect: pii/pii-sent-to-third-party
  var options = { method: 'post', contentType: 'application/json', payload: JSON.stringify(request) };
  UrlFetchApp.fetch('https://screening.example-bureau.com/v2/checks', options);
  var ack = { unit: v['Unit'][0] };
  // expect-none: pii
  UrlFetchApp.fetch('https://screening.example-bureau.com/v2/ack', { method: 'post', payload: JSON.stringify(ack) });
}
