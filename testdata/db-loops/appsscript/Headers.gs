// Quarterly plan sheet: fixed headers and constants are not per-row work; rows are.
var QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

function headers() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Plan');
  ['Account', 'Owner'].forEach(function (h, i) {
    // expect-none: db-loops
    sh.getRange(1, i + 1).setValue(h);
  });
  QUARTERS.forEach(function (q, i) {
    // expect-none: db-loops
    sh.getRange(1, i + 3).setValue(q);
  });
  var extra = ['Notes', 'Risk'];
  for (var k = 0; k < extra.length; k++) {
    // expect-none: db-loops
    sh.getRange(1, k + 7).setValue(extra[k]);
  }
}

function readUntilEmpty() {
  var sh = SpreadsheetApp.getActive().getSheetByName('Plan');
  var r = 2;
  var v;
  do {
    // expect: db-loops/sheets-call-in-loop
    v = sh.getRange(r, 1).getValue();
    r++;
  } while (v);
}

function flagAccounts(accounts) {
  var sh = SpreadsheetApp.getActive().getSheetByName('Plan');
  accounts.reduce(function (row, a) {
    // expect: db-loops/sheets-call-in-loop
    sh.getRange(row, 9).setValue(a.risk);
    return row + 1;
  }, 2);
}
