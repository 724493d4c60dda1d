// Seed data the intern pasted from the old HR spreadsheet so the demo "looks real".
module.exports.employees = [
  // expect: pii/hardcoded-pii-value
  { name: 'Ana Ruiz', ssn: '627-14-5508', card: '4122 3307 9244 0261' },
  // expect-none: pii
  { name: 'Demo User', ssn: '000-00-0000', card: '4111 1111 1111 1111' },
];
// expect: pii/hardcoded-pii-value
module.exports.treasuryIban = 'NL36RABO9075793834';
// expect-none: pii
module.exports.ssnRegex = /^\d{3}-\d{2}-\d{4}$/;
// expect-none: pii
module.exports.supportPhone = '1-800-555-0134';
// expect-none: pii
module.exports.launchDate = '2025-02-14';
