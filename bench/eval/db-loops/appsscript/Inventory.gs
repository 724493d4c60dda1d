// Inventory sheet helpers for the school supply closet (volunteer-built).
var SUPPLY_SHEET = 'Supplies';

function restockReport() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  var report = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Restock');
  var n = sheet.getLastRow();
  var i = 2;
  while (i <= n) {
    // expect: db-loops/sheets-call-in-loop
    var qty = sheet.getRange('C' + i).getValue();
    // expect: db-loops/sheets-call-in-loop
    var min = sheet.getRange('D' + i).getValue();
    if (qty < min) {
      // expect: db-loops/sheets-call-in-loop
      report.appendRow([sheet.getRange('A' + i).getValue(), min - qty]);
    }
    i++;
  }
}

function restockReportBatched() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  var report = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Restock');
  // expect-none: db-loops
  var rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues();
  var out = rows.filter(function (r) { return r[2] < r[3]; }).map(function (r) { return [r[0], r[3] - r[2]]; });
  if (out.length) report.getRange(report.getLastRow() + 1, 1, out.length, 2).setValues(out);
}

function stampCheckedItems(items) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  for (var item of items) {
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(item.row, 6).setValue(new Date());
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(item.row, 7).setNumberFormat('yyyy-mm-dd');
  }
}

function writeHeader() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  var headers = ['Item', 'Location', 'Qty', 'Min'];
  for (var h = 0; h < 4; h++) {
    // expect-none: db-loops
    sheet.getRange(1, h + 1).setValue(headers[h]);
  }
}

function totalsPerSheet() {
  var totals = {};
  SpreadsheetApp.getActiveSpreadsheet().getSheets().forEach(function (sheet) {
    // expect-none: db-loops
    totals[sheet.getName()] = sheet.getRange('C2:C').getValues().reduce(function (a, r) { return a + (Number(r[0]) || 0); }, 0);
  });
  return totals;
}

function copyFormulas(rows) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  rows.forEach(function (r) {
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(r, 8).setFormula('=C' + r + '-D' + r);
  });
}

function readNotes(rowNumbers) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  var notes = [];
  for (var k = 0; k < rowNumbers.length; k++) {
    // expect: db-loops/sheets-call-in-loop
    notes.push(sheet.getRange(rowNumbers[k], 1).getNote());
  }
  return notes;
}

function pollForChanges() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET).getRange('A1').getValue();
    if (v === 'REFRESH') sheet.getRange('A1').clearContent();
  }
}

function pollForChangesPolitely() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET);
  // expect-none: db-loops
  for (var tries = 0; tries < 10; tries++) {
    var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SUPPLY_SHEET).getRange('A1').getValue();
    if (v === 'REFRESH') return sheet.getRange('A1').clearContent();
    Utilities.sleep(5000);
  }
}
