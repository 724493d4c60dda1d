// Express back office for the volunteer-scheduling app
const express = require('express');
const passport = require('passport');
const logger = require('./logger');

const app = express();
app.use(passport.initialize());
console.log('passport strategies loaded', Object.keys(passport._strategies));
console.log(passport);

app.post('/volunteers', passport.authenticate('session'), async (req, res) => {
  const { name, email, dateOfBirth, emergencyContact } = req.body;
  // expect: pii/pii-in-log
  logger.info('Volunteer signup', { name, email });
  // expect: pii/pii-in-log
  logger.info('Volunteer signup details', { name, dateOfBirth });
  logger.info(`Volunteer ${name} is ${dateOfBirth ? 'an adult' : 'unverified'}`);
  console.log('avg_salary', req.body.avgSalary, 'total', req.body.totalSalary);
  console.log('Missing date of birth for volunteer', req.body.id);
  const age = computeAge(dateOfBirth);
  console.log('Volunteer age bucket', age >= 18 ? 'adult' : 'minor');
  res.status(201).json({ ok: true, emergencyContact: Boolean(emergencyContact) });
});

function computeAge(dob) {
  const diff = Date.now() - new Date(dob).getTime();
  return Math.floor(diff / (365.25 * 24 * 3600 * 1000));
}

app.listen(process.env.PORT || 3000, () => console.log('listening'));
