// Rental applications, encrypted at rest with mongoose-encryption (keys from the environment).
const mongoose = require('mongoose');
const encrypt = require('mongoose-encryption');

function buildApplicantModel() {
  const applicantSchema = new mongoose.Schema({
    // expect-none: pii
    ssn: String,
    // expect-none: pii
    dateOfBirth: Date,
    // expect-none: pii
    employerName: String,
  });
  applicantSchema.plugin(encrypt, {
    encryptionKey: process.env.ENC_KEY,
    signingKey: process.env.SIG_KEY,
    encryptedFields: ['ssn', 'dateOfBirth'],
  });
  return mongoose.model('Applicant', applicantSchema);
}

module.exports = { buildApplicantModel };
