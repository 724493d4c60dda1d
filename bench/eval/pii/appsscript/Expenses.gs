/**
 * Expense reimbursements: staff submit card and bank details by form; finance pays them out.
 */
function onExpenseSubmit(e) {
  const v = e.namedValues;
  const claim = {
    employee: v['Employee'][0],
    workEmail: v['Work email'][0],
    cardNumber: v['Corporate card number'][0],
    iban: v['IBAN'][0],
    amount: Number(v['Amount'][0]),
  };
  const sheet = SpreadsheetApp.getActive().getSheetByName('Claims');
  // expect: pii/pii-written-to-sheet-or-file
  sheet.appendRow([new Date(), claim.employee, claim.cardNumber, claim.amount]);
  // expect: pii/pii-written-to-sheet-or-file
  sheet.getRange(sheet.getLastRow(), 6).setValue(claim.iban);
  // expect-none: pii
  sheet.getRange(sheet.getLastRow(), 7).setValue('XXXX-' + claim.cardNumber.slice(-4));
  // expect-none: pii
  sheet.appendRow([new Date(), claim.employee, claim.workEmail, claim.amount]);
  // expect: pii/pii-in-log
  Logger.log('Claim %s paid to IBAN %s', claim.employee, claim.iban);
  // expect-none: pii
  Logger.log('Claim from %s for %s', claim.employee, claim.amount);
  // expect: pii/pii-in-log
  console.info('card', claim.cardNumber);
  // expect-none: pii
  console.info('card ending', claim.cardNumber.slice(-4));
}

function monthlyTotals() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Totals');
  // expect-none: pii
  sheet.appendRow(['Month', 'Claims', 'Total amount']);
  // expect-none: pii
  sheet.getRange('A1:C1').setValues([['Month', 'Claims', 'Total']]);
  // expect-none: pii
  sheet.getRange('E1').setValue('Card numbers are never stored here');
}

// expect: pii/hardcoded-pii-value
const TEST_CLAIM_CARD = '5393 7865 7975 4324';
// expect-none: pii
const CARD_FORMAT_HINT = 'nnnn nnnn nnnn nnnn';
