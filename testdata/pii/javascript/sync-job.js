// Nightly sync of new applicants to the credit bureau (Node, run from a cron job)
const fetch = require('node-fetch');
const db = require('./db');

function maskSsn(ssn) {
  return `***-**-${String(ssn).slice(-4)}`;
}

async function syncApplicants() {
  const applicants = await db.applicants.findNew();
  console.log(`Found ${applicants.length} new applicants`);
  for (const applicant of applicants) {
    // expect: pii/pii-in-log
    console.log(`Submitting ${applicant.fullName} SSN ${applicant.ssn}`);
    console.log('Submitting applicant', applicant.id, 'ssn', maskSsn(applicant.ssn));
    console.info('SSN last four:', applicant.ssn.slice(-4));
    if (!applicant.ssn) {
      console.warn('Applicant ' + applicant.id + ' is missing an SSN');
      continue;
    }
    // expect: db-loops/api-call-in-loop
    const res = await fetch(process.env.BUREAU_URL, { method: 'POST', body: JSON.stringify(applicant) });
    if (!res.ok) {
      // expect: pii/pii-in-log
      console.error('Bureau rejected ' + applicant.id + ', DOB ' + applicant.dateOfBirth);
      // expect: pii/pii-in-log
      console.error('Rejected payload', JSON.stringify({ id: applicant.id, iban: applicant.iban }));
      console.error('Rejected payload', JSON.stringify({ id: applicant.id, status: res.status }));
    }
    const { ssn, homeAddress } = applicant;
    // expect: pii/pii-in-log
    console.debug({ ssn, status: 'sent' });
    // expect: pii/pii-in-log
    console.log('address:', homeAddress);
    console.log('ssnCount', applicants.filter((a) => a.hasSsn).length);
  }
}

module.exports = { syncApplicants };
