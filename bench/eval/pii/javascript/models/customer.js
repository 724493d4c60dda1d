// Mongoose models for the store's loyalty app (Node 20, MongoDB Atlas).
const mongoose = require('mongoose');
const encrypt = require('mongoose-encryption');

const { Schema } = mongoose;

const customerSchema = new Schema({
  // expect-none: pii
  firstName: { type: String, required: true },
  // expect-none: pii
  lastName: { type: String, required: true },
  // expect-none: pii
  email: { type: String, required: true, unique: true, lowercase: true },
  // expect-none: pii
  phone: String,
  // expect: pii/unencrypted-model-field
  ssn: { type: String },
  // expect: pii/unencrypted-model-field
  dateOfBirth: Date,
  // expect: pii/unencrypted-model-field
  driversLicenseNumber: { type: String, trim: true },
  // expect-none: pii
  ssnLast4: { type: String, maxlength: 4 },
  // expect-none: pii
  hasSsn: { type: Boolean, default: false },
  // expect-none: pii
  addressBookId: { type: Schema.Types.ObjectId, ref: 'AddressBook' },
  // expect-none: pii
  loyaltyPoints: { type: Number, default: 0 },
}, { timestamps: true });

const paymentSchema = new mongoose.Schema({
  // expect-none: pii
  customerId: { type: Schema.Types.ObjectId, ref: 'Customer', index: true },
  // expect: pii/unencrypted-model-field
  cardNumber: { type: String, required: true },
  // expect: pii/unencrypted-model-field
  cvv: String,
  // expect-none: pii
  cardToken: { type: String, required: true },
  // expect-none: pii
  cardLast4: String,
  // expect: pii/unencrypted-model-field
  iban: { type: String },
});

module.exports = {
  Customer: mongoose.model('Customer', customerSchema),
  Payment: mongoose.model('Payment', paymentSchema),
};
