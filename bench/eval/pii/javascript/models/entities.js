// TypeORM entity schemas (plain JavaScript, no decorators) for the volunteer scheduler.
const { EntitySchema } = require('typeorm');

module.exports.Volunteer = new EntitySchema({
  name: 'Volunteer',
  tableName: 'volunteers',
  columns: {
    id: { primary: true, type: 'int', generated: true },
    // expect-none: pii
    email: { type: 'varchar', length: 255 },
    // expect: pii/unencrypted-model-field
    passportNumber: { type: 'varchar', length: 20, nullable: true },
    // expect: pii/unencrypted-model-field
    dateOfBirth: { type: 'date', nullable: true },
    // expect-none: pii
    passportVerified: { type: 'boolean', default: false },
  },
});
