// Reconciles Stripe payouts against the bookkeeping sheet (bookkeeper's script, daily trigger).
function reconcile() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Payouts');
  var key = PropertiesService.getScriptProperties().getProperty('STRIPE_KEY');
  var ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues();
  for (var i = 0; i < ids.length; i++) {
    // expect: db-loops/sheets-call-in-loop
    var res = UrlFetchApp.fetch('https://api.stripe.com/v1/payouts/' + ids[i][0], { headers: { Authorization: 'Bearer ' + key } });
    var payout = JSON.parse(res.getContentText());
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(i + 2, 2).setValue(payout.amount / 100);
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(i + 2, 3).setValue(payout.status);
  }
}

function reconcileBatched() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Payouts');
  var key = PropertiesService.getScriptProperties().getProperty('STRIPE_KEY');
  var ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues();
  var reqs = ids.map(function (r) { return { url: 'https://api.stripe.com/v1/payouts/' + r[0], headers: { Authorization: 'Bearer ' + key } }; });
  var out = UrlFetchApp.fetchAll(reqs).map(function (res) {
    var p = JSON.parse(res.getContentText());
    return [p.amount / 100, p.status];
  });
  // expect-none: db-loops
  sheet.getRange(2, 2, out.length, 2).setValues(out);
}

function monthTabs() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var months = ['Jan', 'Feb', 'Mar'];
  months.forEach(function (m) {
    // expect-none: db-loops
    ss.getSheetByName(m).getRange('A1').setValue(m + ' payouts');
  });
}

function fillFees() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Payouts');
  var last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    // expect: db-loops/sheets-call-in-loop
    const gross = sheet.getRange(r, 2).getValue();
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(r, 4).setValue(Math.round(gross * 0.029 * 100) / 100 + 0.3);
  }
}

function fillFeesBatched() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Payouts');
  var range = sheet.getRange(2, 2, sheet.getLastRow() - 1, 1);
  // expect-none: db-loops
  var fees = range.getValues().map(function (r) { return [Math.round(r[0] * 0.029 * 100) / 100 + 0.3]; });
  // expect-none: db-loops
  sheet.getRange(2, 4, fees.length, 1).setValues(fees);
}

function logDisputes(disputes) {
  var log = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Disputes');
  for (const d of disputes) {
    // expect: db-loops/sheets-call-in-loop
    log.appendRow([d.id, d.amount / 100, d.reason, new Date(d.created * 1000)]);
  }
}

function logDisputesBatched(disputes) {
  var log = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Disputes');
  var rows = disputes.map(function (d) { return [d.id, d.amount / 100, d.reason, new Date(d.created * 1000)]; });
  // expect-none: db-loops
  if (rows.length) log.getRange(log.getLastRow() + 1, 1, rows.length, 4).setValues(rows);
}

function labelRows(values) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Payouts');
  values.forEach(function (v, idx) {
    // expect: db-loops/sheets-call-in-loop
    if (v[2] === 'failed') sheet.getRange(idx + 2, 1).setFontColor('red');
  });
}

function nightlyNote() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Payouts');
  // expect-none: db-loops
  sheet.getRange('F1').setNote('Reconciled ' + new Date().toISOString());
}
