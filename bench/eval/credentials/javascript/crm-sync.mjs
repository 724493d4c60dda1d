// Syncs Salesforce opportunities into HubSpot and Monday boards for the sales ops team.
// Run: node crm-sync.mjs   (needs Node 18 for global fetch)
import fs from 'node:fs/promises';
import jsforce from 'jsforce';

// expect: credentials/salesforce-access-token
const SF_ACCESS_TOKEN = '00Dsb7XmIuMQv5hhju!T2MKgLifBCXzfYCz_nd4fjjbjf137ve.CGXgbHlBiM04kGIaZppolrPSA6VAg3m1zYZDe_M4VIcF__DHbxvurIPOKyWpOuYu';
const SF_INSTANCE = 'https://acme.my.salesforce.com';
// expect: credentials/hubspot-token
const hubspotToken = 'pat-na2-6f2de8ec-fc13-ca90-8ea3-63d11d2e5f1b';
// expect: credentials/monday-api-token
const MONDAY_API_TOKEN = 'eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiNjg2NzYiLCAiaWF0IjogMTYxNDM4NDgzMSwgInNjb3BlIjogImFkbWluIn0.sm6vvX8pzUygYSYdHKKljv70VD_0O8mufqsWP7pYg8O';
// expect: credentials/okta-api-token
const OKTA_API_TOKEN = '00gDgrGxhxoDzemVLlCrvvCUjaIusYX0Wx59woeIdn';
// expect: credentials/atlassian-api-token
const JIRA_API_TOKEN = 'ATATT3xFfGF0X6C29EyUMg9sCh7DhHjgXfxuXIE9WtmmC_BZgaX57slcgMaegOnBVuLLMF_NhDUbPd36VVURhLKd-ORXWRjuJHhMbRPdhX_GT0MLmXxzsG8uM64A_DZVhvAeDQABcfxWJT72CSHOMKCfGTeoOaC7W7zY58_JfV415AC3li0bM2=BD6294FB';
// expect-none: credentials
const JIRA_USER = 'sales-ops-bot@acme.com';

// expect-none: credentials
const sfFromEnv = process.env.SF_ACCESS_TOKEN;
// expect-none: credentials
const { HUBSPOT_TOKEN, MONDAY_TOKEN } = process.env;

async function salesforceLogin() {
  const conn = new jsforce.Connection({ loginUrl: 'https://login.salesforce.com' });
  // expect: credentials/hardcoded-password
  await conn.login('salesops@acme.com', 'wNBQ^h5b2O!E0');
  return conn;
}

async function salesforceLoginFromEnv() {
  const conn = new jsforce.Connection({ loginUrl: 'https://login.salesforce.com' });
  // expect-none: credentials
  await conn.login(process.env.SF_USER, process.env.SF_PASSWORD + process.env.SF_SECURITY_TOKEN);
  return conn;
}

async function opportunities() {
  const res = await fetch(`${SF_INSTANCE}/services/data/v59.0/query?q=SELECT+Id,Name,Amount+FROM+Opportunity`, {
    headers: { Authorization: `Bearer ${SF_ACCESS_TOKEN}` },
  });
  return (await res.json()).records;
}

async function upsertDeal(opp) {
  await fetch('https://api.hubapi.com/crm/v3/objects/deals', {
    method: 'POST',
    headers: { Authorization: `Bearer ${hubspotToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ properties: { dealname: opp.Name, amount: opp.Amount } }),
  });
}

async function mondayItem(opp) {
  const query = `mutation { create_item (board_id: 1234567890, item_name: "${opp.Name}") { id } }`;
  await fetch('https://api.monday.com/v2', {
    method: 'POST',
    // expect-none: credentials
    headers: { Authorization: MONDAY_TOKEN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  });
}

async function jiraIssue(opp) {
  // expect-none: credentials
  const basic = Buffer.from(`${JIRA_USER}:${JIRA_API_TOKEN}`).toString('base64');
  await fetch('https://acme.atlassian.net/rest/api/3/issue', {
    method: 'POST',
    headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ fields: { project: { key: 'SALES' }, summary: opp.Name, issuetype: { name: 'Task' } } }),
  });
}

async function oktaUsers() {
  const res = await fetch('https://acme.okta.com/api/v1/users?limit=200', {
    headers: { Authorization: `SSWS ${OKTA_API_TOKEN}` },
  });
  return res.json();
}

async function oktaUsersInline() {
  const res = await fetch('https://acme.okta.com/api/v1/groups', {
    // expect: credentials/okta-api-token
    headers: { Authorization: 'SSWS 00avIEQJho6ZThwHhDUQV4j89Dp-OnyYIZAImI09Nz' },
  });
  return res.json();
}

async function main() {
  const opps = await opportunities();
  for (const opp of opps) {
    await upsertDeal(opp);
    await mondayItem(opp);
  }
  // expect-none: credentials
  const checksum = 'c5b20d5216d2abe699c3660fc87e953cf8bf4424';
  // expect-none: credentials
  const requestId = '5f840250-9f57-45d0-a0de-01f40d3d6ef1';
  await fs.writeFile('last-sync.json', JSON.stringify({ count: opps.length, checksum, requestId }));
}

main().catch((err) => {
  console.error('sync failed', err);
  process.exit(1);
});
