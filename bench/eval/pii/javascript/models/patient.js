// Sequelize models for the physiotherapy clinic's intake app.
const { DataTypes, Model } = require('sequelize');
const sequelize = require('../db');

const Patient = sequelize.define('Patient', {
  // expect-none: pii
  fullName: { type: DataTypes.STRING, allowNull: false },
  // expect-none: pii
  email: { type: DataTypes.STRING, validate: { isEmail: true } },
  // expect: pii/unencrypted-model-field
  birthDate: { type: DataTypes.DATEONLY },
  // expect: pii/unencrypted-model-field
  medicalRecordNumber: { type: DataTypes.STRING(20), unique: true },
  // expect: pii/unencrypted-model-field
  insuranceMemberId: DataTypes.STRING,
  // expect-none: pii
  insuranceProvider: DataTypes.STRING,
  // expect-none: pii
  ssnEncrypted: { type: DataTypes.BLOB },
  // expect-none: pii
  hasInsurance: { type: DataTypes.BOOLEAN, defaultValue: false },
});

class Visit extends Model {}
Visit.init({
  // expect-none: pii
  patientId: { type: DataTypes.INTEGER, allowNull: false },
  // expect: pii/unencrypted-model-field
  diagnosis: { type: DataTypes.TEXT },
  // expect: pii/unencrypted-model-field
  icd10Code: DataTypes.STRING(8),
  // expect-none: pii
  diagnosisCount: { type: DataTypes.INTEGER, defaultValue: 0 },
  // expect-none: pii
  notes: {
    type: DataTypes.TEXT,
    get() { return decrypt(this.getDataValue('notes')); },
    set(value) { this.setDataValue('notes', encrypt(value)); },
  },
}, { sequelize, modelName: 'Visit' });

const Billing = sequelize.define('Billing', {
  // expect: pii/unencrypted-model-field
  bankAccountNumber: { type: DataTypes.STRING(20) },
  // expect: pii/unencrypted-model-field
  routingNumber: DataTypes.STRING(9),
  // expect-none: pii
  accountLast4: DataTypes.STRING(4),
  // expect: pii/unencrypted-model-field
  securityAnswer: { type: DataTypes.STRING },
});

module.exports = { Patient, Visit, Billing };
