// Intake API for the benefits office: Sequelize models and the outbound calls to partners.
const { Sequelize, DataTypes } = require('sequelize');
const axios = require('axios');
const fs = require('fs');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const PARTNER_URL = 'https://partner.example-benefits.org/api/applicants';

const Applicant = sequelize.define('Applicant', {
  caseNumber: DataTypes.STRING,
  fullName: DataTypes.STRING,
  // expect: pii/unencrypted-model-field
  ssn: DataTypes.STRING,
  // expect: pii/unencrypted-model-field
  dateOfBirth: DataTypes.DATEONLY,
});

const Office = sequelize.define('Office', {
  code: DataTypes.STRING,
  city: DataTypes.STRING,
  openedAt: DataTypes.DATE,
});

async function showApplicant(id) {
  const applicant = await Applicant.findByPk(id);
  // expect: pii/pii-in-log
  console.log(applicant);
  // expect-none: pii
  console.log('loaded applicant', applicant.id);
  const office = await Office.findByPk(applicant.officeId);
  // expect-none: pii
  console.log(office);
  const total = await Applicant.count();
  // expect-none: pii
  console.log(total);
  return applicant;
}

async function auditApplicants() {
  for (const a of await Applicant.findAll({ where: { status: 'open' } })) {
    // expect: pii/pii-in-log
    console.info('auditing', a);
  }
}

async function sendToPartner(applicant) {
  const body = { caseNumber: applicant.caseNumber, dob: applicant.dateOfBirth, name: applicant.fullName };
  // expect: pii/pii-sent-to-third-party
  await fetch(PARTNER_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function sendStatus(applicant) {
  const body = { caseNumber: applicant.caseNumber, status: 'approved' };
  // expect-none: pii
  await fetch(PARTNER_URL + '/status', { method: 'POST', body: JSON.stringify(body) });
}

async function verifyIdentity(applicant) {
  const payload = { caseNumber: applicant.caseNumber, ssn: applicant.ssn };
  // expect: pii/pii-sent-to-third-party
  await axios.post(PARTNER_URL + '/verify', payload);
  const check = { caseNumber: applicant.caseNumber, ssnLast4: applicant.ssn.slice(-4) };
  // expect-none: pii
  await axios.post(PARTNER_URL + '/match', check);
}

function logSignup(req) {
  const user = { email: req.body.email, plan: req.body.plan };
  // expect: pii/pii-in-log
  console.log('signup', user);
  const stats = { plan: req.body.plan, at: Date.now() };
  // expect-none: pii
  console.log('signup stats', stats);
  const hasSsn = Boolean(req.body.ssn);
  // expect-none: pii
  console.log('ssn provided', hasSsn);
}

function exportCases(cases, path) {
  const lines = [];
  for (const c of cases) {
    const row = [c.caseNumber, c.fullName, c.ssn].join(',');
    lines.push(row);
  }
  const header = ['Case', 'Name', 'SSN'];
  // expect: pii/pii-written-to-sheet-or-file
  fs.writeFileSync(path, [header.join(',')].concat(lines).join('\n'));
  const summary = { exported: cases.length };
  // expect-none: pii
  fs.writeFileSync(path + '.json', JSON.stringify(summary));
}

module.exports = { showApplicant, auditApplicants, sendToPartner, sendStatus, verifyIdentity, logSignup, exportCases };
