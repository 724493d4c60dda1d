// Syncs the "Vendors" sheet with the procurement Airtable base.
var AIRTABLE_BASE = 'appXk29LmQp0rTz7W';
// expect: credentials/airtable-token
var AIRTABLE_TOKEN = 'patpvzeAWcwyuMCvr.66db1e2a0c0819a0feb7aa266155342a3d6cff0c9007d007952f4b3eb5142e66';
var AIRTABLE_TABLE = 'Vendors';
var airtableTokenProperty = 'AIRTABLE_TOKEN';

function airtableHeaders_() {
  return { Authorization: 'Bearer ' + AIRTABLE_TOKEN, 'Content-Type': 'application/json' };
}

function notionHeaders_() {
  var token = PropertiesService.getUserProperties().getProperty('NOTION_TOKEN');
  return { Authorization: 'Bearer ' + token, 'Notion-Version': '2022-06-28' };
}

// expect: credentials/notion-token
var NOTION_FALLBACK = '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';

function asanaClient_() {
  // expect: credentials/asana-token
  var pat = '1/9927213020309692:f460338d9805d0f86143dce14548b42c';
  return { headers: { Authorization: 'Bearer ' + pat } };
}
