// Budget tracker: copies approved expenses from the intake sheet to the ledger sheet.
// Built by the finance coordinator; runs from a time-driven trigger every hour.
var LEDGER_ID = PropertiesService.getScriptProperties().getProperty('LEDGER_ID');
var CATEGORIES = ['Travel', 'Software', 'Hardware'];

function copyApproved() {
  var intake = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Intake');
  var ledger = SpreadsheetApp.openById(LEDGER_ID).getSheetByName('Ledger');
  var last = intake.getLastRow();
  for (var row = 2; row <= last; row++) {
    // expect: db-loops/sheets-call-in-loop
    var status = intake.getRange(row, 5).getValue();
    if (status !== 'Approved') continue;
    // expect: db-loops/sheets-call-in-loop
    var amount = intake.getRange(row, 3).getValue();
    // expect: db-loops/sheets-call-in-loop
    ledger.appendRow([new Date(), amount, intake.getRange(row, 2).getValue()]);
    // expect: db-loops/sheets-call-in-loop
    intake.getRange(row, 5).setValue('Copied');
  }
}

function copyApprovedBatched() {
  var intake = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Intake');
  var ledger = SpreadsheetApp.openById(LEDGER_ID).getSheetByName('Ledger');
  // expect-none: db-loops
  var values = intake.getRange(2, 1, intake.getLastRow() - 1, 5).getValues();
  var out = [];
  for (var i = 0; i < values.length; i++) {
    // expect-none: db-loops
    if (values[i][4] === 'Approved') out.push([new Date(), values[i][2], values[i][1]]);
  }
  if (out.length) {
    // expect-none: db-loops
    ledger.getRange(ledger.getLastRow() + 1, 1, out.length, 3).setValues(out);
  }
}

function categoryTotals() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Summary');
  for (var c = 0; c < CATEGORIES.length; c++) {
    // expect-none: db-loops
    sheet.getRange(c + 2, 1).setValue(CATEGORIES[c]);
  }
}

function formatHeaders() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheets().forEach(function (sh) {
    // expect-none: db-loops
    sh.getRange(1, 1, 1, sh.getLastColumn()).setFontWeight('bold');
  });
}

function highlightOverBudget() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ledger');
  var data = sheet.getDataRange().getValues();
  data.forEach(function (r, i) {
    if (r[1] > 5000) {
      // expect: db-loops/sheets-call-in-loop
      sheet.getRange(i + 1, 1, 1, r.length).setBackground('#f4cccc');
    }
  });
}

function highlightOverBudgetBatched() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ledger');
  var data = sheet.getDataRange().getValues();
  var colours = data.map(function (r) {
    return r.map(function () { return r[1] > 5000 ? '#f4cccc' : null; });
  });
  // expect-none: db-loops
  sheet.getDataRange().setBackgrounds(colours);
}

function clearOldRows() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ledger');
  var data = sheet.getDataRange().getValues();
  for (var i = data.length - 1; i >= 1; i--) {
    if (data[i][0] < new Date(2023, 0, 1)) {
      // expect: db-loops/sheets-call-in-loop
      sheet.deleteRow(i + 1);
    }
  }
}
