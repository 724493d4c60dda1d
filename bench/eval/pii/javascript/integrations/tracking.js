// Product analytics and support tooling for the member portal.
const Analytics = require('analytics-node');
const Mixpanel = require('mixpanel');
const Sentry = require('@sentry/node');
const algoliasearch = require('algoliasearch');
const OpenAI = require('openai');
const { Client } = require('@elastic/elasticsearch');

const analytics = new Analytics(process.env.SEGMENT_WRITE_KEY);
const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN);
const algolia = algoliasearch(process.env.ALGOLIA_APP_ID, process.env.ALGOLIA_ADMIN_KEY);
const openai = new OpenAI();
const es = new Client({ node: process.env.ES_URL });

function onLogin(member) {
  // expect: pii/pii-sent-to-third-party
  Sentry.setUser({ id: member.id, email: member.email });
  // expect-none: pii
  Sentry.setUser({ id: member.id });
  // expect: pii/pii-sent-to-third-party
  analytics.identify({ userId: member.id, traits: { email: member.email, birthday: member.dateOfBirth } });
  // expect-none: pii
  analytics.track({ userId: member.id, event: 'Logged In', properties: { plan: member.plan } });
  // expect: pii/pii-sent-to-third-party
  mixpanel.people.set(member.id, { $email: member.email, salary: member.salary });
  // expect-none: pii
  mixpanel.track('login', { distinct_id: member.id, plan: member.plan });
}

async function indexMembers(members) {
  const index = algolia.initIndex('members');
  // expect: pii/pii-sent-to-third-party
  await index.saveObjects(members.map((m) => ({ objectID: m.id, name: m.fullName, homeAddress: m.homeAddress })));
  // expect-none: pii
  await index.saveObjects(members.map((m) => ({ objectID: m.id, plan: m.plan })));
  for (const m of members) {
    // expect: pii/pii-sent-to-third-party
    await es.index({ index: 'members', id: m.id, document: { name: m.fullName, ssn: m.ssn } });
  }
}

async function explainClaim(claim) {
  // expect: pii/pii-sent-to-third-party
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Explain this claim for diagnosis ${claim.diagnosis} and member ${claim.insuranceMemberId}` }] });
  // expect-none: pii
  const summary = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Summarize: ${claim.publicNotes}` }] });
  return [completion, summary];
}

function trackSignup(member) {
  // expect: pii/pii-sent-to-third-party
  gtag('event', 'sign_up', { method: 'email', user_email: member.email });
  // expect-none: pii
  gtag('event', 'sign_up', { method: 'email' });
}

module.exports = { onLogin, indexMembers, explainClaim, trackSignup };
