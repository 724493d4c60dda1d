// Mongoose model for the loan-application tracker (built by the branch operations team)
const mongoose = require('mongoose');

const { Schema } = mongoose;

const addressSchema = new Schema({
  street: String,
  city: String,
  postalCode: String,
});

const applicantSchema = new mongoose.Schema({
  fullName: { type: String, required: true },
  email: { type: String, lowercase: true },
  // expect: pii/unencrypted-model-field
  ssn: { type: String, required: true },
  // expect: pii/unencrypted-model-field
  dateOfBirth: Date,
  ssnLast4: String,
  hasSsn: { type: Boolean, default: false },
  ssnToken: String,
  // expect: pii/unencrypted-model-field
  'bank_account_number': { type: Schema.Types.String },
  bankAccountId: { type: Schema.Types.ObjectId, ref: 'BankAccount' },
  addressBookId: Number,
  ssnCount: Number,
  address: addressSchema,
  timeSpan: Number,
  createdAt: { type: Date, default: Date.now },
});

module.exports = mongoose.model('Applicant', applicantSchema);
