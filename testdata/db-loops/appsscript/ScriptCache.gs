// Exchange rates for the expense sheet, cached in the script cache for an hour.
function convertExpenses() {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Expenses');
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 3).getValues();
  const cache = CacheService.getScriptCache();
  const out = [];
  for (const row of rows) {
    const currency = row[1];
    let rate = cache.get('fx-' + currency);
    if (rate === null) {
      rate = UrlFetchApp.fetch('https://api.frankfurter.app/latest?from=' + currency + '&to=EUR').getContentText();
      cache.put('fx-' + currency, rate, 3600);
    }
    out.push([row[2] * JSON.parse(rate).rates.EUR]);
  }
  sheet.getRange(2, 4, out.length, 1).setValues(out);
}

function convertExpensesUncached() {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Expenses');
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 3).getValues();
  const out = [];
  for (const row of rows) {
    // expect: db-loops/sheets-call-in-loop
    const body = UrlFetchApp.fetch('https://api.frankfurter.app/latest?from=' + row[1] + '&to=EUR').getContentText();
    out.push([row[2] * JSON.parse(body).rates.EUR]);
  }
  sheet.getRange(2, 4, out.length, 1).setValues(out);
}
