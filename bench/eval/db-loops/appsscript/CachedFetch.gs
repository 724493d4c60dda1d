// Stock price and company lookups for the finance sheet, with and without the script cache.
function refreshPrices() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Holdings');
  var rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
  var cache = CacheService.getScriptCache();
  var out = [];
  for (var i = 0; i < rows.length; i++) {
    var symbol = rows[i][0];
    var cached = cache.get('px:' + symbol);
    if (cached) {
      out.push([Number(cached)]);
      continue;
    }
    // expect-none: db-loops
    var resp = UrlFetchApp.fetch('https://api.example-quotes.com/v1/quote?symbol=' + encodeURIComponent(symbol));
    var price = JSON.parse(resp.getContentText()).price;
    cache.put('px:' + symbol, String(price), 600);
    out.push([price]);
  }
  sheet.getRange(2, 3, out.length, 1).setValues(out);
}

function refreshPricesOnMiss() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Holdings');
  var rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
  var out = rows.map(function (r) {
    var hit = CacheService.getScriptCache().get('px:' + r[0]);
    if (hit === null) {
      // expect-none: db-loops
      hit = UrlFetchApp.fetch('https://api.example-quotes.com/v1/quote?symbol=' + r[0]).getContentText();
      CacheService.getScriptCache().put('px:' + r[0], hit, 600);
    }
    return [JSON.parse(hit).price];
  });
  sheet.getRange(2, 3, out.length, 1).setValues(out);
}

function refreshPricesWriteOnly() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Holdings');
  var rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 2).getValues();
  var cache = CacheService.getScriptCache();
  var out = [];
  for (var i = 0; i < rows.length; i++) {
    // expect: db-loops/sheets-call-in-loop
    var body = UrlFetchApp.fetch('https://api.example-quotes.com/v1/quote?symbol=' + rows[i][0]).getContentText();
    cache.put('px:' + rows[i][0], body, 600);
    out.push([JSON.parse(body).price]);
  }
  sheet.getRange(2, 3, out.length, 1).setValues(out);
}

function lookupDomains() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Accounts');
  var domains = sheet.getRange(2, 2, sheet.getLastRow() - 1, 1).getValues();
  var out = [];
  for (var i = 0; i < domains.length; i++) {
    // expect: db-loops/sheets-call-in-loop
    var company = JSON.parse(UrlFetchApp.fetch('https://company.clearbit.com/v2/companies/find?domain=' + domains[i][0]).getContentText());
    var seen = {};
    if (seen[company.id]) continue;
    seen[company.id] = true;
    out.push([company.name]);
  }
  sheet.getRange(2, 4, out.length, 1).setValues(out);
}
