// Store stock count: reconciles the count sheets of each store against the
// master list and e-mails the variance. V8 runtime.
const MASTER = 'Master';
const STORES = ['Leeds', 'York', 'Hull'];

function reconcile() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const master = ss.getSheetByName(MASTER);
  const lastRow = master.getLastRow();
  for (const store of STORES) {
    const count = ss.getSheetByName(store);
    for (let r = 2; r <= lastRow; r++) {
      // expect: db-loops/sheets-call-in-loop
      const expected = master.getRange(r, 3).getValue();
      // expect: db-loops/sheets-call-in-loop
      const counted = count.getRange(r, 3).getValue();
      if (expected !== counted) {
        // expect: db-loops/sheets-call-in-loop
        count.getRange(r, 4).setValue(counted - expected);
      }
    }
  }
}

function reconcileFast() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  // expect-none: db-loops
  const master = ss.getSheetByName(MASTER).getDataRange().getValues();
  for (const store of STORES) {
    const sheet = ss.getSheetByName(store);
    // expect-none: db-loops
    const counted = sheet.getDataRange().getValues();
    const variance = counted.slice(1).map((row, i) => [row[2] - master[i + 1][2]]);
    // expect-none: db-loops
    sheet.getRange(2, 4, variance.length, 1).setValues(variance);
  }
}

function copyRowsOneByOne(rows) {
  const target = SpreadsheetApp.getActive().getSheetByName('Archive');
  let next = target.getLastRow() + 1;
  for (const row of rows) {
    // expect: db-loops/sheets-call-in-loop
    target.getRange(next, 1, 1, row.length).setValues([row]);
    next++;
  }
}

function readSkuRows(skus) {
  const master = SpreadsheetApp.getActive().getSheetByName(MASTER);
  // expect: db-loops/sheets-call-in-loop
  return skus.map((s) => master.getRange(s.row, 1, 1, 6).getValues()[0]);
}

function flagDamaged() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Returns');
  const data = sheet.getDataRange().getValues();
  let i = 1;
  do {
    if (data[i][5] === 'damaged') {
      // expect: db-loops/sheets-call-in-loop
      sheet.getRange(i + 1, 7).setValue('WRITE-OFF');
    }
    i++;
  } while (i < data.length);
}

function flagDamagedFast() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Returns');
  const data = sheet.getDataRange().getValues();
  const flags = data.slice(1).map((row) => [row[5] === 'damaged' ? 'WRITE-OFF' : '']);
  // expect-none: db-loops
  sheet.getRange(2, 7, flags.length, 1).setValues(flags);
}

function emailVariance() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lines = [];
  STORES.forEach((store) => {
    // expect-none: db-loops
    const total = ss.getSheetByName(store).getRange('D1').getValue();
    lines.push(store + ': ' + total);
  });
  MailApp.sendEmail('stock@example.com', 'Stock variance', lines.join('\n'));
}

function logScan(barcodes) {
  const log = SpreadsheetApp.getActive().getSheetByName('ScanLog');
  for (let k = 0; k < barcodes.length; k++) {
    // expect: db-loops/sheets-call-in-loop
    log.appendRow([new Date(), barcodes[k]]);
  }
}

function logScanBatched(barcodes) {
  const log = SpreadsheetApp.getActive().getSheetByName('ScanLog');
  const rows = barcodes.map((b) => [new Date(), b]);
  // expect-none: db-loops
  log.getRange(log.getLastRow() + 1, 1, rows.length, 2).setValues(rows);
}

function lookupSupplier(skus) {
  const out = {};
  for (const sku of skus) {
    // expect: db-loops/sheets-call-in-loop
    const res = UrlFetchApp.fetch('https://supplier.example.com/api/stock/' + encodeURIComponent(sku));
    out[sku] = JSON.parse(res.getContentText()).available;
  }
  return out;
}

function lookupSupplierCached(skus) {
  const cache = CacheService.getScriptCache();
  const out = {};
  for (const sku of skus) {
    const hit = cache.get('sup:' + sku);
    if (hit !== null) {
      out[sku] = Number(hit);
      continue;
    }
    // expect-none: db-loops
    const res = UrlFetchApp.fetch('https://supplier.example.com/api/stock/' + encodeURIComponent(sku));
    out[sku] = JSON.parse(res.getContentText()).available;
    cache.put('sup:' + sku, String(out[sku]), 21600);
  }
  return out;
}

function firstEmptyRow() {
  // expect-none: db-loops
  const colA = SpreadsheetApp.getActive().getSheetByName(MASTER).getRange('A:A').getValues();
  for (let i = 0; i < colA.length; i++) {
    if (colA[i][0] === '') return i + 1;
  }
  return colA.length + 1;
}
