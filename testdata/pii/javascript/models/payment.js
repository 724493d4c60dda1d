// Sequelize models for the event-ticketing back office
'use strict';

const { DataTypes } = require('sequelize');
const { encrypt, decrypt } = require('../lib/crypto');

module.exports = (sequelize) => {
  const Payment = sequelize.define('Payment', {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    cardToken: DataTypes.STRING(64),
    cardLast4: DataTypes.STRING(4),
    cardBrand: DataTypes.STRING(16),
    // expect: pii/unencrypted-model-field
    cardNumber: DataTypes.STRING(19),
    // expect: pii/unencrypted-model-field
    cvv: { type: DataTypes.STRING(4), allowNull: true },
    amountCents: DataTypes.INTEGER,
  }, { tableName: 'payments' });

  const Attendee = sequelize.define('Attendee', {
    name: DataTypes.STRING,
    email: DataTypes.STRING,
    passportNumber: {
      type: DataTypes.STRING,
      get() { return decrypt(this.getDataValue('passportNumber')); },
      set(value) { this.setDataValue('passportNumber', encrypt(value)); },
    },
    // expect: pii/unencrypted-model-field
    birthDate: DataTypes.DATEONLY,
    isDobVerified: DataTypes.BOOLEAN,
  });

  return { Payment, Attendee };
};
