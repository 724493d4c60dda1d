// Express API for the tenant-screening form. Deployed on the team's shared VM.
const express = require('express');
const pino = require('pino');
const { Customer } = require('../models/customer');

const logger = pino();
const router = express.Router();

function maskSsn(ssn) {
  return ssn ? `***-**-${ssn.slice(-4)}` : '';
}

router.post('/applications', async (req, res) => {
  const { fullName, email, ssn, dateOfBirth, annualIncome } = req.body;
  // expect: pii/pii-in-log
  console.log('New application', req.body.ssn, req.body.dateOfBirth);
  // expect: pii/pii-in-log
  console.log(`Application from ${fullName} <${email}> born ${dateOfBirth}`);
  // expect-none: pii
  console.log('Application received, has SSN:', Boolean(ssn));
  // expect-none: pii
  console.log('SSN (masked):', maskSsn(ssn));
  // expect: pii/pii-in-log
  logger.info({ ssn, annualIncome }, 'screening applicant');
  // expect-none: pii
  logger.info({ applicationId: req.id }, 'screening applicant');
  const customer = await Customer.create({ fullName, email, ssn, dateOfBirth });
  // expect-none: pii
  console.info('Created customer', customer.id);
  res.status(201).json({ id: customer.id });
});

router.post('/payments', async (req, res) => {
  const payment = req.body;
  try {
    await chargeCard(payment);
  } catch (err) {
    // expect: pii/pii-in-log
    console.error('Charge failed for card', payment.cardNumber, 'cvv', payment.cvv, err);
    // expect-none: pii
    console.error('Charge failed for card ending', payment.cardNumber.slice(-4), err.message);
    return res.status(402).end();
  }
  // expect-none: pii
  console.log('Payment captured', payment.orderId);
  return res.status(204).end();
});

router.get('/customers/:id', async (req, res) => {
  const customer = await Customer.findById(req.params.id);
  // expect: pii/pii-in-log
  console.debug('Loaded customer ' + customer.email + ' ' + customer.phone);
  // expect: pii/pii-in-log
  console.log(JSON.stringify({ id: customer.id, dob: customer.dateOfBirth }));
  // expect-none: pii
  console.log('Loaded customer %s', customer.id);
  res.json(customer);
});

module.exports = router;
