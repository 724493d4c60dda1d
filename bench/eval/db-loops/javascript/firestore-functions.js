// Cloud Functions for the volunteer scheduling app (Firebase). Written by the community team.
const functions = require('firebase-functions');
const admin = require('firebase-admin');

admin.initializeApp();
const db = admin.firestore();
const ROLES = ['driver', 'cook', 'greeter'];

exports.shiftSummary = functions.https.onRequest(async (req, res) => {
  const shifts = await db.collection('shifts').where('date', '==', req.query.date).get();
  const out = [];
  for (const shift of shifts.docs) {
    // expect: db-loops/query-in-loop
    const volunteer = await db.collection('volunteers').doc(shift.data().volunteerId).get();
    out.push({ shift: shift.id, name: volunteer.data().name });
  }
  res.json(out);
});

exports.shiftSummaryBatched = functions.https.onRequest(async (req, res) => {
  const shifts = await db.collection('shifts').where('date', '==', req.query.date).get();
  const refs = shifts.docs.map((s) => db.collection('volunteers').doc(s.data().volunteerId));
  // expect-none: db-loops
  const volunteers = await db.getAll(...refs);
  res.json(volunteers.map((v) => v.data().name));
});

exports.roleCounts = functions.https.onRequest(async (req, res) => {
  const counts = {};
  for (const role of ROLES) {
    // expect-none: db-loops
    const snap = await db.collection('volunteers').where('role', '==', role).get();
    counts[role] = snap.size;
  }
  res.json(counts);
});

exports.confirmAll = functions.https.onRequest(async (req, res) => {
  const ids = req.body.ids;
  for (const id of ids) {
    // expect: db-loops/query-in-loop
    await db.collection('shifts').doc(id).update({ confirmed: true });
  }
  res.sendStatus(204);
});

exports.confirmAllBatched = functions.https.onRequest(async (req, res) => {
  const batch = db.batch();
  for (const id of req.body.ids) {
    // expect-none: db-loops
    batch.update(db.collection('shifts').doc(id), { confirmed: true });
  }
  await batch.commit();
  res.sendStatus(204);
});

exports.reminders = functions.pubsub.schedule('every 24 hours').onRun(async () => {
  const upcoming = await db.collection('shifts').where('reminded', '==', false).get();
  upcoming.docs.forEach(async (doc) => {
    const volunteerRef = db.collection('volunteers').doc(doc.data().volunteerId);
    // expect: db-loops/query-in-loop
    const volunteer = await volunteerRef.get();
    console.log('remind', volunteer.data().email);
  });
});

exports.cleanup = functions.pubsub.schedule('every 24 hours').onRun(async () => {
  const old = await db.collection('shifts').where('date', '<', new Date()).get();
  for (const doc of old.docs) {
    // expect: db-loops/query-in-loop
    await doc.ref.delete();
  }
});
