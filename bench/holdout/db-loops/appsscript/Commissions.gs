/**
 * Sales commissions workbook. Menu: Commissions > Recalculate.
 * Sheets: "Deals" (rep, amount, stage, rate, commission), "Reps", "Summary", "Log".
 */
var SHEET_DEALS = 'Deals';
var SHEET_REPS = 'Reps';
var QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

function onOpen() {
  SpreadsheetApp.getUi().createMenu('Commissions')
    .addItem('Recalculate', 'recalculate')
    .addItem('Recalculate (fast)', 'recalculateFast')
    .addToUi();
}

function recalculate() {
  var sheet = SpreadsheetApp.getActive().getSheetByName(SHEET_DEALS);
  var last = sheet.getLastRow();
  for (var row = 2; row <= last; row++) {
    // expect: db-loops/sheets-call-in-loop
    var amount = sheet.getRange(row, 2).getValue();
    // expect: db-loops/sheets-call-in-loop
    var stage = sheet.getRange('C' + row).getValue();
    // expect: db-loops/sheets-call-in-loop
    var rate = sheet.getRange(row, 4).getValue();
    if (stage === 'Closed Won') {
      // expect: db-loops/sheets-call-in-loop
      sheet.getRange(row, 5).setValue(amount * rate);
    }
  }
}

function recalculateFast() {
  var sheet = SpreadsheetApp.getActive().getSheetByName(SHEET_DEALS);
  // expect-none: db-loops
  var data = sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues();
  var out = data.map(function (r) {
    return [r[2] === 'Closed Won' ? r[1] * r[3] : ''];
  });
  // expect-none: db-loops
  sheet.getRange(2, 5, out.length, 1).setValues(out);
}

function highlightBigDeals() {
  var sheet = SpreadsheetApp.getActive().getSheetByName(SHEET_DEALS);
  var values = sheet.getDataRange().getValues();
  values.forEach(function (r, i) {
    if (r[1] > 50000) {
      // expect: db-loops/sheets-call-in-loop
      sheet.getRange(i + 1, 1, 1, 5).setBackground('#fff2cc').setValue(r[0] + ' *');
    }
  });
}

function repTotals() {
  var ss = SpreadsheetApp.getActive();
  var reps = ss.getSheetByName(SHEET_REPS).getRange('A2:A').getValues().filter(String);
  var summary = ss.getSheetByName('Summary');
  for (var i = 0; i < reps.length; i++) {
    // expect: db-loops/sheets-call-in-loop
    summary.appendRow([reps[i][0], '=SUMIF(Deals!A:A,"' + reps[i][0] + '",Deals!E:E)']);
  }
}

function repTotalsBatched() {
  var ss = SpreadsheetApp.getActive();
  // expect-none: db-loops
  var reps = ss.getSheetByName(SHEET_REPS).getRange('A2:A').getValues().filter(String);
  var rows = reps.map(function (r) {
    return [r[0], '=SUMIF(Deals!A:A,"' + r[0] + '",Deals!E:E)'];
  });
  var summary = ss.getSheetByName('Summary');
  // expect-none: db-loops
  summary.getRange(summary.getLastRow() + 1, 1, rows.length, 2).setValues(rows);
}

function quarterHeaders() {
  var summary = SpreadsheetApp.getActive().getSheetByName('Summary');
  for (var q = 0; q < QUARTERS.length; q++) {
    // expect-none: db-loops
    summary.getRange(1, q + 3).setValue(QUARTERS[q]);
  }
  ['Rep', 'Total'].forEach(function (title, idx) {
    // expect-none: db-loops
    summary.getRange(1, idx + 1).setValue(title);
  });
}

function logChanges(changes) {
  var log = SpreadsheetApp.getActive().getSheetByName('Log');
  changes.forEach(function (c) {
    // expect: db-loops/sheets-call-in-loop
    log.appendRow([new Date(), Session.getActiveUser().getEmail(), c.rep, c.before, c.after]);
  });
}

function clearCommissions() {
  var sheet = SpreadsheetApp.getActive().getSheetByName(SHEET_DEALS);
  var n = sheet.getLastRow();
  var i = 2;
  while (i <= n) {
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(i, 5).clearContent().setValue('');
    i++;
  }
}

function clearCommissionsFast() {
  var sheet = SpreadsheetApp.getActive().getSheetByName(SHEET_DEALS);
  // expect-none: db-loops
  sheet.getRange(2, 5, Math.max(sheet.getLastRow() - 1, 1), 1).clearContent();
}

function sheetNames() {
  var names = [];
  SpreadsheetApp.getActive().getSheets().forEach(function (s) {
    // expect-none: db-loops
    names.push(s.getName() + ' (' + s.getLastRow() + ' rows)');
  });
  return names;
}

function monthlyTabs() {
  var ss = SpreadsheetApp.getActive();
  for (var m = 1; m <= 12; m++) {
    var tab = ss.getSheetByName('M' + m) || ss.insertSheet('M' + m);
    // expect-none: db-loops
    tab.getRange('A1:C1').setValues([['Rep', 'Deals', 'Commission']]);
  }
}
