// Mongoose model with field-level encryption (mongoose-field-encryption)
const mongoose = require('mongoose');
const { fieldEncryption } = require('mongoose-field-encryption');

const patientSchema = new mongoose.Schema({
  name: String,
  mrn: String,
  diagnosis: String,
  dob: Date,
});

patientSchema.plugin(fieldEncryption, {
  fields: ['mrn', 'diagnosis', 'dob'],
  secret: process.env.FIELD_ENCRYPTION_SECRET,
});

module.exports = mongoose.model('Patient', patientSchema);
