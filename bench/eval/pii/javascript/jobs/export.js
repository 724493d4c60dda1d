// Nightly export for the accounting firm: writes CSVs into the shared Dropbox folder.
const fs = require('fs');
const path = require('path');
const { stringify } = require('csv-stringify/sync');
const { Parser } = require('json2csv');
const createCsvWriter = require('csv-writer').createObjectCsvWriter;
const { Billing, Patient } = require('../models/patient');

const OUT = process.env.EXPORT_DIR;

async function exportBilling() {
  const rows = await Billing.findAll({ raw: true });
  const lines = rows.map((r) => [r.id, r.bankAccountNumber, r.routingNumber].join(','));
  // expect: pii/pii-written-to-sheet-or-file
  fs.writeFileSync(path.join(OUT, 'billing.csv'), ['id,bankAccountNumber,routingNumber', ...lines].join('\n'));
  // expect-none: pii
  fs.writeFileSync(path.join(OUT, 'billing-count.txt'), String(rows.length));
}

async function exportPatients() {
  const patients = await Patient.findAll({ raw: true });
  // expect: pii/pii-written-to-sheet-or-file
  const csv = stringify(patients, { header: true, columns: ['fullName', 'birthDate', 'medicalRecordNumber'] });
  fs.writeFileSync(path.join(OUT, 'patients.csv'), csv);
  // expect: pii/pii-written-to-sheet-or-file
  const parser = new Parser({ fields: ['fullName', 'email', 'insuranceMemberId'] });
  fs.writeFileSync(path.join(OUT, 'patients-insurance.csv'), parser.parse(patients));
  // expect-none: pii
  const stats = new Parser({ fields: ['clinic', 'visits', 'avgWait'] });
  fs.writeFileSync(path.join(OUT, 'stats.csv'), stats.parse(patients));
}

async function exportForAuditors(applicants) {
  const writer = createCsvWriter({
    path: path.join(OUT, 'applicants.csv'),
    header: [
      { id: 'name', title: 'Name' },
      // expect: pii/pii-written-to-sheet-or-file
      { id: 'ssn', title: 'SSN' },
      { id: 'income', title: 'Income' },
    ],
  });
  await writer.writeRecords(applicants);
  for (const a of applicants) {
    // expect: pii/pii-written-to-sheet-or-file
    fs.appendFileSync(path.join(OUT, 'audit.log'), `${a.name};${a.passportNumber};${a.dateOfBirth}\n`);
    // expect-none: pii
    fs.appendFileSync(path.join(OUT, 'audit-ids.log'), `${a.id};${a.hasPassport}\n`);
  }
}

module.exports = { exportBilling, exportPatients, exportForAuditors };
