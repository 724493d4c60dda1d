/**
 * Monthly commission sheet for the sales ops team.
 * Menu: Commissions > Recalculate. Owner: sales-ops@.
 */
const RATE_SHEETS = ['Rates 2023', 'Rates 2024'];

function recalculateCommissionsSlow() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Deals');
  const lastRow = sheet.getLastRow();
  for (let row = 2; row <= lastRow; row++) {
    // expect: db-loops/sheets-call-in-loop
    const amount = sheet.getRange(row, 3).getValue();
    // expect: db-loops/sheets-call-in-loop
    const rate = sheet.getRange(row, 4).getValue();
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(row, 5).setValue(amount * rate);
  }
}

function recalculateCommissions() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Deals');
  const range = sheet.getRange(2, 3, sheet.getLastRow() - 1, 3);
  const values = range.getValues();
  for (let i = 0; i < values.length; i++) {
    values[i][2] = values[i][0] * values[i][1];
  }
  range.setValues(values);
}

function logNewDeals(deals) {
  const log = SpreadsheetApp.getActive().getSheetByName('Log');
  deals.forEach(function (deal) {
    // expect: db-loops/sheets-call-in-loop
    log.appendRow([new Date(), deal.id, deal.owner, deal.amount]);
  });
  const rows = deals.map((deal) => [new Date(), deal.id, deal.owner, deal.amount]);
  log.getRange(log.getLastRow() + 1, 1, rows.length, 4).setValues(rows);
}

function highlightLateRows() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Invoices');
  const data = sheet.getDataRange().getValues();
  for (const [index, row] of data.entries()) {
    if (row[6] === 'late') {
      // expect: db-loops/sheets-call-in-loop
      sheet.getRange(index + 1, 1, 1, row.length).setBackground('#f4cccc');
    }
  }
}

function copyRatesFromEverySheet() {
  const ss = SpreadsheetApp.getActive();
  const all = [];
  for (const sheet of ss.getSheets()) {
    all.push(...sheet.getRange('A2:C').getValues());
  }
  for (const name of RATE_SHEETS) {
    all.push(...ss.getSheetByName(name).getRange('A2:C').getValues());
  }
  return all;
}

function totalsPerTab(tabNames) {
  const ss = SpreadsheetApp.getActive();
  const sheetNames = ss.getSheets().map((s) => s.getName());
  const totals = {};
  for (const name of sheetNames) {
    totals[name] = ss.getSheetByName(name).getRange('B2:B').getValues().flat().reduce((a, b) => a + Number(b || 0), 0);
  }
  for (const tab of ss.getSheets()) {
    tab.getRange('A1').setValue('Checked ' + new Date().toISOString());
  }
  for (let i = 0; i < tabNames.length; i++) {
    ss.getSheetByName(tabNames[i]).getRange('Z1').setNote('audited');
  }
  return totals;
}

function stampRows(rowNumbers) {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Audit');
  rowNumbers.forEach((rowNumber) => {
    // expect: db-loops/sheets-call-in-loop
    sheet.getRange(rowNumber, 8).setValue(new Date());
  });
}

function findFirstEmptyRow(sheet) {
  let row = 2;
  // expect: db-loops/sheets-call-in-loop
  while (sheet.getRange(row, 1).getValue() !== '') {
    row++;
  }
  return row;
}

function enrichCompanies() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Companies');
  const domains = sheet.getRange('A2:A').getValues().flat().filter(String);
  const results = [];
  for (const domain of domains) {
    // expect: db-loops/sheets-call-in-loop
    const resp = UrlFetchApp.fetch('https://company.example.com/lookup?domain=' + encodeURIComponent(domain));
    results.push([JSON.parse(resp.getContentText()).name]);
  }
  const requests = domains.map((d) => ({ url: 'https://company.example.com/lookup?domain=' + encodeURIComponent(d) }));
  const responses = UrlFetchApp.fetchAll(requests);
  sheet.getRange(2, 2, results.length, 1).setValues(results);
  return responses;
}

function buildCards(items) {
  const section = CardService.newCardSection();
  items.forEach((item) => {
    section.addWidget(CardService.newTextInput().setFieldName(item.key).setValue(item.value));
  });
  return section;
}
