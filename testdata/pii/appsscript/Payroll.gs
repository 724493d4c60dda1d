/**
 * Builds the monthly direct-deposit sheet for the finance team from the HR roster.
 */
function buildDepositSheet() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const roster = ss.getSheetByName('Roster').getDataRange().getValues();
  const header = roster.shift();
  const col = (name) => header.indexOf(name);
  const out = ss.getSheetByName('Deposits') || ss.insertSheet('Deposits');
  out.clear();
  // expect: pii/pii-written-to-sheet-or-file
  out.appendRow(['Employee ID', 'Name', 'IBAN', 'Amount']);
  const rows = [];
  roster.forEach((r) => {
    const iban = r[col('IBAN')];
    const employee = { id: r[col('Employee ID')], name: r[col('Name')], iban: iban, salary: r[col('Salary')] };
    // expect: pii/pii-in-log
    Logger.log(`Paying ${employee.name}: ${employee.salary}`);
    Logger.log(`IBAN check for ${employee.id}: ${iban.length === 22 ? 'ok' : 'bad length'}`);
    // expect: pii/pii-written-to-sheet-or-file
    // expect: db-loops/sheets-call-in-loop (one appendRow per roster row: batch into setValues)
    out.appendRow([employee.id, employee.name, iban, employee.salary / 12]);
    rows.push([employee.id, employee.salary]);
  });
  const ibanCount = rows.length;
  Logger.log('Deposits prepared: ' + ibanCount);
  out.getRange(2, 6, rows.length, 2).setValues(rows);
  console.info('Processed %s rows, missing IBAN for %s', rows.length, roster.length - rows.length);
}
