/**
 * Expense report helper for the regional sales team.
 * Reads the "Expenses" sheet, writes approved rows to the finance MySQL database,
 * and emails a summary to the regional manager.
 * Credentials belong in Project Settings > Script properties, never in this file.
 */
var DB_URL = 'jdbc:mysql://10.20.0.15:3306/expenses';
var DB_USER = 'expense_app';
var PASSWORD_MIN_LENGTH = 10;
var TOKEN_URL = 'https://oauth2.googleapis.com/token';
var passwordColumn = 'Password';
var SHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEfGh';

// expect: credentials/hardcoded-password
var DB_PASSWORD = 'IxpWq^DWAc16';

function getProps_() {
  return PropertiesService.getScriptProperties();
}

function connectFromProperties_() {
  var props = getProps_();
  var password = props.getProperty('DB_PASSWORD');
  var apiKey = PropertiesService.getScriptProperties().getProperty('MAPS_API_KEY');
  return Jdbc.getConnection(props.getProperty('DB_URL'), props.getProperty('DB_USER'), password);
}

function connectHardcoded_() {
  // expect: credentials/hardcoded-password
  return Jdbc.getConnection(DB_URL, DB_USER, 'Exp3nse$Sync24');
}

function connectWithUrlCredentials_() {
  // expect: credentials/connection-string-password
  return Jdbc.getConnection('jdbc:mysql://10.20.0.15:3306/expenses?user=expense_app&password=Rk7vQ2mZp9Lw');
}

function connectWithInfoObject_() {
  return Jdbc.getConnection(DB_URL, {
    user: DB_USER,
    // expect: credentials/hardcoded-password
    password: 'kvDMR!xJTEMU',
  });
}

function geocode_(address) {
  // expect: credentials/google-api-key
  var url = 'https://maps.googleapis.com/maps/api/geocode/json?key=AIzaJVxx0gRMfEI3vXoePweqqA3ZCBnad4Me9bU&address=' + encodeURIComponent(address);
  return JSON.parse(UrlFetchApp.fetch(url).getContentText());
}

function geocodeSafe_(address) {
  var key = getProps_().getProperty('MAPS_API_KEY');
  var url = 'https://maps.googleapis.com/maps/api/geocode/json?key=' + key + '&address=' + encodeURIComponent(address);
  return JSON.parse(UrlFetchApp.fetch(url).getContentText());
}

function pushToCrm_(payload) {
  var options = {
    method: 'post',
    contentType: 'application/json',
    // expect: credentials/hardcoded-password
    headers: { 'Authorization': 'Basic ' + Utilities.base64Encode('sales.ops:xceqr%Cj7SQP'), 'X-Api-Key': 'rxqH9@KUYKdH' },
    payload: JSON.stringify(payload),
  };
  return UrlFetchApp.fetch('https://crm.partner.example.net/api/records', options);
}

function pushToCrmSafe_(payload) {
  var props = getProps_();
  var options = {
    method: 'post',
    headers: { Authorization: 'Basic ' + Utilities.base64Encode(props.getProperty('CRM_USER') + ':' + props.getProperty('CRM_PASSWORD')) },
    payload: JSON.stringify(payload),
  };
  return UrlFetchApp.fetch('https://crm.partner.example.net/api/records', options);
}

function postToSlack_(text) {
  // expect: credentials/slack-webhook
  var hook = 'https://hooks.slack.com/services/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';
  var docsHook = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
  UrlFetchApp.fetch(hook, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text: text }) });
}

function callOpenAi_(prompt) {
  var options = {
    method: 'post',
    contentType: 'application/json',
    // expect: credentials/openai-api-key
    headers: { Authorization: 'Bearer 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' },
    payload: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
  };
  return UrlFetchApp.fetch('https://api.openai.com/v1/chat/completions', options);
}

function triggerZap_(row) {
  // expect: credentials/zapier-webhook
  UrlFetchApp.fetch('https://hooks.zapier.com/hooks/catch/6617206/wws37f/', { method: 'post', payload: JSON.stringify(row) });
}

function setup_() {
  // One-off: run once to store the secrets, then delete the values from this function.
  getProps_().setProperties({ DB_PASSWORD: '', CRM_PASSWORD: '' });
}
