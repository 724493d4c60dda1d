/** Marks reconciled bank lines in the Treasury sheet. Run from the Treasury menu. */
function markReconciled(bankLines) {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Bank');
  for (let i = 0; i < bankLines.length; i++) {
    const line = bankLines[i];
    if (line.matched) {
      try {
        if (line.amount !== 0) {
          // expect: db-loops/sheets-call-in-loop
          sheet.getRange(line.row, 9).setValue('reconciled');
        }
      } catch (e) {
        Logger.log('could not mark row ' + line.row + ': ' + e);
      }
    }
  }
}

function markReconciledOnce(bankLines) {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Bank');
  const range = sheet.getRange(2, 9, sheet.getLastRow() - 1, 1);
  const flags = range.getValues();
  for (const line of bankLines) {
    if (line.matched && line.amount !== 0) {
      flags[line.row - 2][0] = 'reconciled';
    }
  }
  range.setValues(flags);
  for (const row of sheet.getRange('A2:H').getValues()) {
    if (row[0] === '') break;
  }
}
