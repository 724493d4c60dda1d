// Pulls deals from HubSpot and Pipedrive into the "Pipeline" sheet every hour, and
// creates Asana tasks for deals that stall. Built by Marco in sales ops.

// expect: credentials/hubspot-token
const HUBSPOT_TOKEN = 'pat-na1-4a7d9766-f492-23d5-b723-d5f2b180e14a';
// expect: credentials/hardcoded-password
const PIPEDRIVE_API_TOKEN = '1ce56772eb5141d37be12a407288fe9f2e168eb4';
// expect: credentials/asana-token
const ASANA_PAT = '2/1238483067414904/2569535187506428:d9196fd9bed5b1fe63fd3705d9480ed5';
// expect: credentials/airtable-token
const AIRTABLE_TOKEN = 'patdRzcBwwZ1HQwwl.25229fdca99f1f1db47599b86dfedcfcd5ce66eec1792b05834356a37bbabe08';
// expect: credentials/notion-token
const NOTION_SECRET = 'secret_z5K5OrYNsImsZER2dX0W7840romdTtqBU8bCXJRn09C';
// expect-none: credentials
const ASANA_PROJECT = '1205566778899001';
// expect-none: credentials
const PIPEDRIVE_DOMAIN = 'acme-sales';

function hubspotDeals_() {
  const res = UrlFetchApp.fetch('https://api.hubapi.com/crm/v3/objects/deals?limit=100', {
    headers: { Authorization: 'Bearer ' + HUBSPOT_TOKEN },
  });
  return JSON.parse(res.getContentText()).results;
}

function pipedriveDeals_() {
  const url = 'https://' + PIPEDRIVE_DOMAIN + '.pipedrive.com/api/v1/deals?api_token=' + PIPEDRIVE_API_TOKEN;
  return JSON.parse(UrlFetchApp.fetch(url).getContentText()).data;
}

function pipedriveDealsInline_() {
  // expect: credentials/hardcoded-password
  const url = 'https://acme-sales.pipedrive.com/api/v1/deals?api_token=bcc45b455c7bd0b67666d808d7cdf81c63a7ef18';
  return JSON.parse(UrlFetchApp.fetch(url).getContentText()).data;
}

function pipedriveDealsProps_() {
  // expect-none: credentials
  const token = PropertiesService.getScriptProperties().getProperty('PIPEDRIVE_API_TOKEN');
  // expect-none: credentials
  const url = 'https://acme-sales.pipedrive.com/api/v1/deals?api_token=' + token;
  return JSON.parse(UrlFetchApp.fetch(url).getContentText()).data;
}

function writePipeline() {
  const deals = hubspotDeals_().concat(pipedriveDeals_());
  const rows = deals.map((d) => [d.id, d.properties ? d.properties.dealname : d.title, d.amount || 0]);
  const sheet = SpreadsheetApp.getActive().getSheetByName('Pipeline');
  sheet.getRange(2, 1, rows.length, 3).setValues(rows);
}

function stalledTask_(deal) {
  UrlFetchApp.fetch('https://app.asana.com/api/1.0/tasks', {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + ASANA_PAT },
    payload: JSON.stringify({ data: { name: 'Stalled: ' + deal.title, projects: [ASANA_PROJECT] } }),
  });
}

function airtableLog_(deal) {
  UrlFetchApp.fetch('https://api.airtable.com/v0/appX1y2Z3/Deals', {
    method: 'post',
    contentType: 'application/json',
    // expect: credentials/airtable-token
    headers: { Authorization: 'Bearer patbAiVQfok7POyWS.44502e2a3009dca0edc5707573746354c4c933a2e21e2c898e5da13b3fd790a6' },
    payload: JSON.stringify({ fields: { Name: deal.title } }),
  });
}

function notionPage_(deal) {
  UrlFetchApp.fetch('https://api.notion.com/v1/pages', {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + NOTION_SECRET, 'Notion-Version': '2022-06-28' },
    payload: JSON.stringify({ parent: { database_id: '0547939a7035fba9a2f905975269b2ff' }, properties: { Name: { title: [{ text: { content: deal.title } }] } } }),
  });
}

function tokenStatus() {
  // expect-none: credentials
  const tokenAgeDays = 90;
  // expect-none: credentials
  const tokenOwner = 'marco.rossi@acme.com';
  // expect-none: credentials
  const secretHelp = 'Paste the token into Project Settings > Script properties, not into this file.';
  Logger.log(tokenAgeDays + ' ' + tokenOwner + ' ' + secretHelp);
}

function setupProperties() {
  // expect-none: credentials
  PropertiesService.getScriptProperties().setProperty('HUBSPOT_TOKEN', '<paste your token here>');
  // expect-none: credentials
  PropertiesService.getScriptProperties().setProperty('ASANA_PAT', 'changeme');
}
