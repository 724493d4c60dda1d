/**
 * Online shop back office in a spreadsheet: pulls orders from Shopify and Square, payments
 * from Stripe and PayPal, backs the sheet up to GitHub, and writes to BigQuery with a
 * service account (OAuth2 library).
 */

var CONFIG = {
  shopify: {
    store: 'acme-crafts.myshopify.com',
    // expect: credentials/shopify-token
    token: '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',
  },
  square: {
    // expect: credentials/square-token
    accessToken: 'sq0atp-ZUhKiddSrA5QeYdN1Yl1Cq',
    // expect-none: credentials
    locationId: 'L8K2Q0ZP7T4RB',
  },
  stripe: {
    // expect: credentials/stripe-secret-key
    secretKey: 'sk_live_51uSPPIZaRJsKyd4eDSSVSEzQU',
    // expect-none: credentials
    publishableKey: 'pk_live_51AQPeAE7wTVOnyvJ909ylVhJ1EZ5wPcj4',
  },
  paypal: {
    clientId: 'AeXe4j0oflRApvQscHdFqlvrDyI4Yu7XKGqVdR7QcgntTc77TVJt6LZFKSHxdItpwZm',
    // expect: credentials/paypal-credential
    clientSecret: 'Eww0sAO_DGpUxjKbgRBWZRZX1VlxeVZ4DNCNnOBFXL4k41GiLP9qG3L0uKW4yWRzSaTLyvH1D0SZaoza',
  },
  braintree: {
    // expect: credentials/braintree-access-token
    accessToken: 'access_token$production$8f5esfjxbkp10vpk$e09881c01a98b045aa5c22e0301c7475',
  },
  github: {
    repo: 'acme-crafts/backoffice-backup',
    // expect: credentials/github-token
    token: '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',
  },
  bigquery: {
    projectId: 'acme-crafts-analytics',
    serviceAccountEmail: 'sheets-writer@acme-crafts-analytics.iam.gserviceaccount.com',
    // expect: credentials/private-key
    privateKey: '-----BEGIN PRIVATE KEY-----\nck1kyC/2s0kM/XxABj3PLzJ2f3pkGlKjMz5sqDfoDwK6LnhiL9IgOpGB3ulQuwx1\n3byTSz5EEmpfTcyTiDtoe/hAc0wMHjZuN2Cp2DKgHE3Eknug6cwOb/c65r57gEkW\neMsnTwnajqz13tWu3YVpvySp7YB+mvme17OcolKiBj1eDsw0TOzwVHt2fYOX8TvF\n2jxTqVANQCakuvzzR7Fuzhe0xxoQLPhIKYIbHbg81GBoMAacFI0hy3jLo6tefTYH\neU7VBnSXB07V9+52TqJPqOMpPJY+iArOkIxAMpl0fNWTPdLPjeX87S/dJbaM7EZH\nAVTlBBARXpyA67ZyoSdpqmV+6OI5iWS3QCw+RXSSvXKEjJqv9L0zvcAD6hiri34m\n7drDfaSzvDlmWSw30CieckG8ltZ2f36pyQof1AkaTzEPAoMTSwdvomv9XWN0rV6j\nOYz/kb26XbV6e3J2I/uBjN2attZ/LIrppr3tOKXJ8w7Aeo3yN+ebcaDxpUjHPMFG\neX+qbql1Tj+OmHlU1fS/ErD9==\n-----END PRIVATE KEY-----\n',
  },
  // expect-none: credentials
  passwordProtectedSheets: ['Payroll', 'Margins'],
};

// expect-none: credentials
var SECRET_PROPERTY_NAMES = ['SHOPIFY_TOKEN', 'SQUARE_TOKEN', 'STRIPE_KEY'];

function shopifyOrders_() {
  var url = 'https://' + CONFIG.shopify.store + '/admin/api/2024-01/orders.json?status=any';
  // expect-none: credentials
  var res = UrlFetchApp.fetch(url, { headers: { 'X-Shopify-Access-Token': CONFIG.shopify.token } });
  return JSON.parse(res.getContentText()).orders;
}

function squareOrders_() {
  var res = UrlFetchApp.fetch('https://connect.squareup.com/v2/orders/search', {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + CONFIG.square.accessToken, 'Square-Version': '2024-01-18' },
    payload: JSON.stringify({ location_ids: [CONFIG.square.locationId] }),
  });
  return JSON.parse(res.getContentText()).orders;
}

function stripeCharges_() {
  var res = UrlFetchApp.fetch('https://api.stripe.com/v1/charges?limit=100', {
    // expect: credentials/stripe-secret-key
    headers: { Authorization: 'Bearer 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' },
  });
  return JSON.parse(res.getContentText()).data;
}

function paypalToken_() {
  var basic = Utilities.base64Encode(CONFIG.paypal.clientId + ':' + CONFIG.paypal.clientSecret);
  var res = UrlFetchApp.fetch('https://api-m.paypal.com/v1/oauth2/token', {
    method: 'post',
    // expect-none: credentials
    headers: { Authorization: 'Basic ' + basic },
    payload: { grant_type: 'client_credentials' },
  });
  return JSON.parse(res.getContentText()).access_token;
}

function backupToGitHub() {
  var csv = SpreadsheetApp.getActive().getSheets().map(function (s) { return s.getName(); }).join(',');
  UrlFetchApp.fetch('https://api.github.com/repos/' + CONFIG.github.repo + '/contents/backup.csv', {
    method: 'put',
    headers: { Authorization: 'token ' + CONFIG.github.token },
    payload: JSON.stringify({ message: 'backup', content: Utilities.base64Encode(csv) }),
  });
}

function bigQueryService_() {
  return OAuth2.createService('bigquery')
    .setTokenUrl('https://oauth2.googleapis.com/token')
    .setPrivateKey(CONFIG.bigquery.privateKey)
    .setIssuer(CONFIG.bigquery.serviceAccountEmail)
    .setPropertyStore(PropertiesService.getScriptProperties())
    .setScope('https://www.googleapis.com/auth/bigquery');
}

function bigQueryServiceFromProps_() {
  var p = PropertiesService.getScriptProperties();
  return OAuth2.createService('bigquery')
    .setTokenUrl('https://oauth2.googleapis.com/token')
    // expect-none: credentials
    .setPrivateKey(p.getProperty('BQ_PRIVATE_KEY').replace(/\\n/g, '\n'))
    .setIssuer(p.getProperty('BQ_CLIENT_EMAIL'));
}

function orderFingerprint_(order) {
  // expect-none: credentials
  var salt = 'orders-v2';
  return Utilities.base64Encode(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, salt + order.id));
}

function protectSheets() {
  CONFIG.passwordProtectedSheets.forEach(function (name) {
    var p = SpreadsheetApp.getActive().getSheetByName(name).protect();
    // expect-none: credentials
    p.setDescription('Protected: password column and margins');
  });
}
