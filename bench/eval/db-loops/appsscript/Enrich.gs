// Enriches the event sign-up sheet with company data and an AI summary (marketing, run from a menu).
var SHEET = 'Signups';

function enrichCompanies() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET);
  var rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues();
  var out = [];
  for (var i = 0; i < rows.length; i++) {
    // expect: db-loops/sheets-call-in-loop
    var resp = UrlFetchApp.fetch('https://company.clearbit.com/v2/companies/find?domain=' + encodeURIComponent(rows[i][2]), {
      headers: { Authorization: 'Bearer ' + PropertiesService.getScriptProperties().getProperty('CLEARBIT') },
    });
    out.push([JSON.parse(resp.getContentText()).name]);
  }
  // expect-none: db-loops
  sheet.getRange(2, 5, out.length, 1).setValues(out);
}

function enrichCompaniesFetchAll() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET);
  var rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues();
  var requests = rows.map(function (r) {
    return { url: 'https://company.clearbit.com/v2/companies/find?domain=' + encodeURIComponent(r[2]) };
  });
  // expect-none: db-loops
  var responses = UrlFetchApp.fetchAll(requests);
  var names = responses.map(function (r) { return [JSON.parse(r.getContentText()).name]; });
  sheet.getRange(2, 5, names.length, 1).setValues(names);
}

function summariseNotes() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET);
  var notes = sheet.getRange(2, 4, sheet.getLastRow() - 1, 1).getValues();
  var key = PropertiesService.getScriptProperties().getProperty('OPENAI_KEY');
  var summaries = notes.map(function (n) {
    // expect: db-loops/sheets-call-in-loop
    var r = UrlFetchApp.fetch('https://api.openai.com/v1/chat/completions', {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer ' + key },
      payload: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Summarise: ' + n[0] }] }),
    });
    return [JSON.parse(r.getContentText()).choices[0].message.content];
  });
  sheet.getRange(2, 6, summaries.length, 1).setValues(summaries);
}

function cachedLookup(domain) {
  var cache = CacheService.getScriptCache();
  var hit = cache.get(domain);
  if (hit) return JSON.parse(hit);
  var r = UrlFetchApp.fetch('https://company.clearbit.com/v2/companies/find?domain=' + domain);
  cache.put(domain, r.getContentText(), 21600);
  return JSON.parse(r.getContentText());
}

function pingWebhookOnce() {
  // expect-none: db-loops
  UrlFetchApp.fetch('https://hooks.example.com/signups-updated', { method: 'post' });
}

function markRows() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET);
  var emails = sheet.getRange(2, 2, sheet.getLastRow() - 1, 1).getValues();
  for (var i = 0; i < emails.length; i++) {
    if (emails[i][0].indexOf('@gmail.com') > 0) {
      // expect: db-loops/sheets-call-in-loop
      sheet.getRange(i + 2, 7).setValue('personal');
    }
  }
}

function tabNames() {
  var names = [];
  var sheets = SpreadsheetApp.getActiveSpreadsheet().getSheets();
  for (var s = 0; s < sheets.length; s++) {
    // expect-none: db-loops
    names.push([sheets[s].getName(), sheets[s].getRange('A1').getValue()]);
  }
  return names;
}
