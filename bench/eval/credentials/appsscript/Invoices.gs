/**
 * Invoice approval workflow for the Accounts Payable sheet.
 * - onEdit: when Status becomes "Approved", write the row to the ERP MySQL database
 * - daily trigger: push overdue invoices to Slack and mail the controller
 * Setup: Project Settings > Script properties: DB_PASSWORD, SLACK_WEBHOOK, ERP_API_KEY.
 */

var DB_URL = 'jdbc:mysql://35.198.44.12:3306/erp';
var DB_USER = 'ap_sheet';
// expect: credentials/hardcoded-password
var DB_PASS = 'NId=amH1+e3L';
// expect-none: credentials
var DB_PASSWORD_PROPERTY = 'DB_PASSWORD';
// expect-none: credentials
var PASSWORD_COLUMN = 7;
// expect: credentials/slack-webhook
var SLACK_WEBHOOK = 'https://hooks.slack.com/services/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';
// expect: credentials/hardcoded-password
var ERP_API_KEY = 'Pyl7UZ5ZKsBPlTEB9IkWU7v08a8P1Sn5';
// expect-none: credentials
var ERP_TOKEN_URL = 'https://erp.acme-internal.com/oauth/token';

function props_() {
  return PropertiesService.getScriptProperties();
}

function erpConnection_() {
  return Jdbc.getConnection(DB_URL, DB_USER, DB_PASS);
}

function erpConnectionFromProperties_() {
  // expect-none: credentials
  var password = props_().getProperty('DB_PASSWORD');
  // expect-none: credentials
  return Jdbc.getConnection(DB_URL, DB_USER, password);
}

function erpConnectionInline_() {
  // expect: credentials/hardcoded-password
  return Jdbc.getConnection('jdbc:mysql://35.198.44.12:3306/erp', 'ap_sheet', 'tnWXn=54398*eW');
}

function erpConnectionUrl_() {
  // expect: credentials/connection-string-password
  return Jdbc.getConnection('jdbc:mysql://35.198.44.12:3306/erp?user=ap_sheet&password=WTtwu^f4Kn*c2B&useSSL=true');
}

function cloudSqlConnection_() {
  // expect: credentials/hardcoded-password
  return Jdbc.getCloudSqlConnection('jdbc:google:mysql://acme-fin:europe-west3:erp/erp', 'ap_sheet', 'dpS+IYnN*EM0o');
}

function cloudSqlConnectionProps_() {
  var p = props_();
  // expect-none: credentials
  return Jdbc.getCloudSqlConnection(p.getProperty('CLOUDSQL_URL'), p.getProperty('CLOUDSQL_USER'), p.getProperty('CLOUDSQL_PASSWORD'));
}

function onEdit(e) {
  var sheet = e.range.getSheet();
  if (sheet.getName() !== 'Invoices' || e.range.getColumn() !== 9 || e.value !== 'Approved') return;
  var row = sheet.getRange(e.range.getRow(), 1, 1, 9).getValues()[0];
  var conn = erpConnection_();
  var stmt = conn.prepareStatement('INSERT INTO approved_invoices (vendor, number, amount, due) VALUES (?, ?, ?, ?)');
  stmt.setString(1, row[1]);
  stmt.setString(2, row[2]);
  stmt.setDouble(3, row[4]);
  stmt.setString(4, row[5]);
  stmt.execute();
  conn.close();
}

function postOverdue() {
  var data = SpreadsheetApp.getActive().getSheetByName('Invoices').getDataRange().getValues();
  var overdue = data.filter(function (r) { return r[8] !== 'Paid' && new Date(r[5]) < new Date(); });
  var text = overdue.length + ' overdue invoices, oldest from ' + overdue[0][1];
  UrlFetchApp.fetch(SLACK_WEBHOOK, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text: text }) });
}

function postOverdueFromProperties() {
  // expect-none: credentials
  var hook = PropertiesService.getScriptProperties().getProperty('SLACK_WEBHOOK');
  UrlFetchApp.fetch(hook, { method: 'post', payload: JSON.stringify({ text: 'test' }) });
}

function erpApi_(path) {
  return UrlFetchApp.fetch('https://erp.acme-internal.com/api' + path, {
    // expect-none: credentials
    headers: { Authorization: 'Bearer ' + props_().getProperty('ERP_API_KEY') },
    muteHttpExceptions: true,
  });
}

function erpApiLegacy_(path) {
  return UrlFetchApp.fetch('https://erp.acme-internal.com/api' + path, {
    // expect: credentials/hardcoded-password
    headers: { Authorization: 'Bearer IT05gYXmqqvQNbOQnZexCa2VKQnzKGBLBXDbprKv' },
  });
}

function erpApiBasic_(path) {
  return UrlFetchApp.fetch('https://erp.acme-internal.com/api' + path, {
    // expect: credentials/hardcoded-password
    headers: { Authorization: 'Basic ' + Utilities.base64Encode('ap_sheet:GNkjo!0s4-yG3') },
  });
}

function erpApiBasicProps_(path) {
  var p = props_();
  return UrlFetchApp.fetch('https://erp.acme-internal.com/api' + path, {
    // expect-none: credentials
    headers: { Authorization: 'Basic ' + Utilities.base64Encode(p.getProperty('ERP_USER') + ':' + p.getProperty('ERP_PASS')) },
  });
}

function invoiceHash_(row) {
  // expect-none: credentials
  var digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, row.join('|'));
  return digest.map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join('');
}

function knownInvoiceHash_() {
  // expect-none: credentials
  return '83441e934554bf025b74b23519028c27220c27b61d5cfa727f34807fadab4a82';
}
