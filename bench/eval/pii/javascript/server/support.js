// Support-desk helper: looks up a caller and writes the call log.
const fs = require('fs/promises');
const winston = require('winston');
const db = require('../db');

const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: 'support.log' })] });

async function lookupCaller(phone) {
  const caller = await db.oneOrNone('SELECT * FROM members WHERE phone = $1', [phone]);
  if (!caller) {
    // expect: pii/pii-in-log
    logger.warn(`No member for phone ${phone}`);
    return null;
  }
  // expect: pii/pii-in-log
  logger.info('Verified caller', { ssnLast4Given: caller.ssn_last4, dob: caller.date_of_birth });
  // expect-none: pii
  logger.info('Verified caller', { memberId: caller.id });
  // expect: pii/pii-written-to-sheet-or-file
  await fs.appendFile('calls.csv', `${new Date().toISOString()},${caller.id},${caller.ssn}\n`);
  // expect-none: pii
  await fs.appendFile('calls.csv', `${new Date().toISOString()},${caller.id}\n`);
  // expect: pii/pii-in-log
  console.log('security answer given:', caller.security_answer);
  return caller;
}

module.exports = { lookupCaller };
