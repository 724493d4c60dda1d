// Territory sheet for the regional sales leads: headers, totals, store tabs.
var REGIONS = ['North', 'South', 'East'];

function writeHeaders() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Territories');
  ['Region', 'Owner', 'Target'].forEach(function (title, i) {
    // expect-none: db-loops
    sh.getRange(1, i + 1).setValue(title);
  });
}

function regionTotals() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Totals');
  REGIONS.forEach(function (r, i) {
    // expect-none: db-loops
    sh.getRange(i + 2, 1).setValue(r);
  });
}

function labelTwoColumns() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Totals');
  var labels = ['Won', 'Lost'];
  for (var i = 0; i < labels.length; i++) {
    // expect-none: db-loops
    sh.getRange(1, i + 5).setValue(labels[i]);
  }
}

function markEveryLead(leads) {
  var sh = SpreadsheetApp.getActive().getSheetByName('Leads');
  for (var i = 0; i < leads.length; i++) {
    // expect: db-loops/sheets-call-in-loop
    sh.getRange(i + 2, 6).setValue(leads[i].status);
  }
}

function copyUntilBlank() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Import');
  var row = 2;
  var value;
  do {
    // expect: db-loops/sheets-call-in-loop
    value = sh.getRange(row, 1).getValue();
    row++;
  } while (value !== '');
  return row;
}

function ownerPerLead(leadRows) {
  var sh = SpreadsheetApp.getActive().getSheetByName('Leads');
  leadRows.forEach(function (r, i) {
    // expect: db-loops/sheets-call-in-loop
    sh.getRange(i + 2, 3).setValue(r.owner);
  });
}
