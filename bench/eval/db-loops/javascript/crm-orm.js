// CRM helpers for the partner dashboard (Express + Sequelize + Mongoose). Maintained by sales-ops.
const { Op } = require('sequelize');
const mongoose = require('mongoose');
const { Account, Contact, Deal } = require('./models');

const Note = mongoose.model('Note', new mongoose.Schema({ accountId: String, text: String }));
const STAGES = ['lead', 'qualified', 'won'];

async function contactsForAccounts(accounts) {
  const result = [];
  for (const account of accounts) {
    // expect: db-loops/query-in-loop
    const contacts = await Contact.findAll({ where: { accountId: account.id } });
    result.push({ account, contacts });
  }
  return result;
}

async function contactsForAccountsBatched(accounts) {
  // expect-none: db-loops
  const contacts = await Contact.findAll({ where: { accountId: { [Op.in]: accounts.map((a) => a.id) } } });
  return contacts;
}

async function dealCounts() {
  const counts = {};
  for (const stage of STAGES) {
    // expect-none: db-loops
    counts[stage] = await Deal.count({ where: { stage } });
  }
  return counts;
}

async function touchAccounts(ids) {
  for (const id of ids) {
    // expect: db-loops/query-in-loop
    await Account.update({ lastTouched: new Date() }, { where: { id } });
  }
}

async function touchAccountsBatched(ids) {
  // expect-none: db-loops
  await Account.update({ lastTouched: new Date() }, { where: { id: ids } });
}

async function importDeals(rows) {
  for (const row of rows) {
    // expect: db-loops/query-in-loop
    await Deal.create({ name: row.name, amount: Number(row.amount), stage: 'lead' });
  }
}

async function importDealsBulk(rows) {
  // expect-none: db-loops
  await Deal.bulkCreate(rows.map((r) => ({ name: r.name, amount: Number(r.amount), stage: 'lead' })));
}

async function notesFor(accountIds) {
  const out = {};
  for (const accountId of accountIds) {
    // expect: db-loops/query-in-loop
    out[accountId] = await Note.find({ accountId }).lean();
  }
  return out;
}

async function notesForBatched(accountIds) {
  // expect-none: db-loops
  return Note.find({ accountId: { $in: accountIds } }).lean();
}

async function ownerEmails(deals) {
  return Promise.all(
    deals.map(async (deal) => {
      // expect: db-loops/query-in-loop
      const account = await Account.findByPk(deal.accountId);
      return account.ownerEmail;
    })
  );
}

async function firstWonDeal(accountIds) {
  for (const accountId of accountIds) {
    // expect-none: db-loops
    const deal = await Deal.findOne({ where: { accountId, stage: 'won' } });
    if (deal) return deal;
  }
  return null;
}

function renderNames(accounts) {
  // expect-none: db-loops
  return accounts.map((a) => a.name.toUpperCase()).join(', ');
}

async function upsertNotes(notes) {
  for (const n of notes) {
    // expect: db-loops/query-in-loop
    await Note.findOneAndUpdate({ accountId: n.accountId }, { text: n.text }, { upsert: true });
  }
}

async function upsertNotesBulk(notes) {
  // expect-none: db-loops
  await Note.bulkWrite(notes.map((n) => ({ updateOne: { filter: { accountId: n.accountId }, update: { text: n.text }, upsert: true } })));
}

module.exports = { contactsForAccounts, contactsForAccountsBatched, dealCounts, touchAccounts, touchAccountsBatched, importDeals, importDealsBulk, notesFor, notesForBatched, ownerEmails, firstWonDeal, renderNames, upsertNotes, upsertNotesBulk };
