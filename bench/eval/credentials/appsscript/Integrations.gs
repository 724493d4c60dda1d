/**
 * Connectors for the HR onboarding sheet: creates accounts in the HR system over JDBC,
 * books a Zoom welcome call, files the contract in Dropbox and posts to Teams.
 * Authorised via the OAuth2 library for Apps Script (googleworkspace/apps-script-oauth2).
 */

// expect: credentials/google-oauth-client-secret
var OAUTH_CLIENT_SECRET = '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';
var OAUTH_CLIENT_ID = '602938475610-h7s9d2k4q1w3e5r7.apps.googleusercontent.com';
// expect: credentials/zoom-client-secret
var ZOOM_CLIENT_SECRET = 'fkkVXaX0kPuQEGvogleFef4zfKqQgSmq';
// expect: credentials/dropbox-token
var DROPBOX_TOKEN = 'sl.u.QjrSJSIuGYzS-dxSh7X2Iz7YDv1Qot5Bj093Y5B2TqMjdT73qkCC61Rs7gc4nvQDFBxUZRMBs7gckyttd6-N1aDNAF7bUUAyfOHpdgr7JCJT2GDpmxGAAB5o858txdOk6kX80bXIVk10';
// expect: credentials/hardcoded-password
var HR_DB_PASSWORD = 'xcsK^Tg7*PyKY';
// expect-none: credentials
var HR_DB_PASSWORD_KEY = 'HR_DB_PASSWORD';
// expect: credentials/twilio-api-key
var TWILIO_AUTH_TOKEN = '13d9271ce2c668575063c94fd1cda2f8';
// expect-none: credentials
var TWILIO_SID = 'AC69cd2d129fbc23acf74d12a2b6a51daa';

function hrConnection_() {
  return Jdbc.getConnection('jdbc:sqlserver://hr-db.acme-internal.com:1433;databaseName=HR', {
    user: 'onboarding',
    // expect: credentials/hardcoded-password
    password: 'cEEQq=S6piX_FDu',
  });
}

function hrConnectionUrl_() {
  // expect: credentials/connection-string-password
  return Jdbc.getConnection('jdbc:sqlserver://hr-db.acme-internal.com:1433;databaseName=HR;user=onboarding;password=kOq=lacls&N7');
}

function hrConnectionProps_() {
  var p = PropertiesService.getScriptProperties();
  return Jdbc.getConnection('jdbc:sqlserver://hr-db.acme-internal.com:1433;databaseName=HR', {
    user: 'onboarding',
    // expect-none: credentials
    password: p.getProperty(HR_DB_PASSWORD_KEY),
  });
}

function googleService_() {
  return OAuth2.createService('drive')
    .setAuthorizationBaseUrl('https://accounts.google.com/o/oauth2/auth')
    .setTokenUrl('https://oauth2.googleapis.com/token')
    .setClientId(OAUTH_CLIENT_ID)
    .setClientSecret(OAUTH_CLIENT_SECRET)
    .setCallbackFunction('authCallback')
    .setPropertyStore(PropertiesService.getUserProperties());
}

function zoomService_() {
  return OAuth2.createService('zoom')
    .setTokenUrl('https://zoom.us/oauth/token')
    .setClientId('Xk2Lm9Np4Qr7St1Uv3Wx')
    // expect: credentials/zoom-client-secret
    .setClientSecret('3JKKgQ3ivQzarSj95uI5rlHymHNOxG4v')
    .setPropertyStore(PropertiesService.getScriptProperties());
}

function zoomServiceProps_() {
  var p = PropertiesService.getScriptProperties();
  return OAuth2.createService('zoom')
    .setClientId(p.getProperty('ZOOM_CLIENT_ID'))
    // expect-none: credentials
    .setClientSecret(p.getProperty('ZOOM_CLIENT_SECRET'));
}

function smsWelcome_(phone, name) {
  var url = 'https://api.twilio.com/2010-04-01/Accounts/' + TWILIO_SID + '/Messages.json';
  UrlFetchApp.fetch(url, {
    method: 'post',
    headers: { Authorization: 'Basic ' + Utilities.base64Encode(TWILIO_SID + ':' + TWILIO_AUTH_TOKEN) },
    payload: { To: phone, From: '+15005550006', Body: 'Welcome ' + name },
  });
}

function fileContract_(blob) {
  UrlFetchApp.fetch('https://content.dropboxapi.com/2/files/upload', {
    method: 'post',
    contentType: 'application/octet-stream',
    headers: {
      Authorization: 'Bearer ' + DROPBOX_TOKEN,
      'Dropbox-API-Arg': JSON.stringify({ path: '/HR/Contracts/' + blob.getName(), mode: 'add' }),
    },
    payload: blob.getBytes(),
  });
}

function githubIssue_(title) {
  UrlFetchApp.fetch('https://api.github.com/repos/acme/hr-onboarding/issues', {
    method: 'post',
    // expect: credentials/github-token
    headers: { Authorization: 'token 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' },
    payload: JSON.stringify({ title: title }),
  });
}

function gitlabIssue_(title) {
  UrlFetchApp.fetch('https://gitlab.acme-internal.com/api/v4/projects/17/issues', {
    method: 'post',
    // expect: credentials/gitlab-token
    headers: { 'PRIVATE-TOKEN': 'glpat-gSw7H-T2EJ2JrXiZ9_8G' },
    payload: { title: title },
  });
}

function newStarterPassword_() {
  // expect-none: credentials
  var length = 16;
  // expect-none: credentials
  var alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  var out = '';
  for (var i = 0; i < length; i++) out += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return out;
}

function welcomeText_(name) {
  // expect-none: credentials
  var passwordNotice = 'Your temporary password expires after the first login.';
  return 'Hi ' + name + '. ' + passwordNotice;
}

function doGet(e) {
  // expect-none: credentials
  var token = e.parameter.token;
  // expect-none: credentials
  if (token !== PropertiesService.getScriptProperties().getProperty('WEBAPP_TOKEN')) return ContentService.createTextOutput('denied');
  return ContentService.createTextOutput('ok');
}

function doPost(e) {
  // expect: credentials/hardcoded-password
  if (e.parameter.secret !== 'YlTNiZ0vzy6DZAMdlBynnctjGtzFdoGQ') return ContentService.createTextOutput('denied');
  return ContentService.createTextOutput('ok');
}
