// Tenant portal: records loaded through Mongoose and Sequelize, logged and forwarded.
const mongoose = require('mongoose');
const axios = require('axios');

const Tenant = mongoose.model('Tenant', new mongoose.Schema({
  unit: String,
  // expect: pii/unencrypted-model-field
  passportNumber: String,
  movedIn: Date,
}));

const Unit = mongoose.model('Unit', new mongoose.Schema({ label: String, rent: Number }));

async function show(id) {
  const tenant = await Tenant.findById(id);
  // expect: pii/pii-in-log
  console.log(tenant);
  // expect-none: pii
  console.log('tenant', tenant.id);
  const unit = await Unit.findOne({ label: tenant.unit });
  // expect-none: pii
  console.log(unit);
  const n = await Tenant.countDocuments();
  // expect-none: pii
  console.log(n);
}

async function forward(tenant) {
  const body = { unit: tenant.unit, passport: tenant.passportNumber };
  // expect: pii/pii-sent-to-third-party
  await fetch('https://screening.example-bureau.com/v2/checks', { method: 'POST', body: JSON.stringify(body) });
  const ping = { unit: tenant.unit, at: Date.now() };
  // expect-none: pii
  await axios.post('https://screening.example-bureau.com/v2/ping', ping);
  const masked = { unit: tenant.unit, passportTail: tenant.passportNumber.slice(-3) };
  // expect-none: pii
  await axios.post('https://screening.example-bureau.com/v2/match', masked);
  const welcome = `Welcome to ${tenant.unit}, passport ${tenant.passportNumber}`;
  // expect: pii/pii-in-log
  console.info(welcome);
}

module.exports = { show, forward };
