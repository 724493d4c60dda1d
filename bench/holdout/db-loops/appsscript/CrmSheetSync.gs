/**
 * Ops tracker <-> Cloud SQL <-> CRM sync. Time-driven trigger every hour.
 * Script properties: DB_URL, DB_USER, DB_PASS, CRM_TOKEN.
 */
var props = PropertiesService.getScriptProperties();
var CRM_BASE = 'https://api.hubapi.com/crm/v3/objects/companies/';

function db_() {
  return Jdbc.getCloudSqlConnection(props.getProperty('DB_URL'), props.getProperty('DB_USER'), props.getProperty('DB_PASS'));
}

function crmHeaders_() {
  return { Authorization: 'Bearer ' + props.getProperty('CRM_TOKEN') };
}

function pullCompanies() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Companies');
  var ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues();
  var out = [];
  for (var i = 0; i < ids.length; i++) {
    // expect: db-loops/sheets-call-in-loop
    var resp = UrlFetchApp.fetch(CRM_BASE + ids[i][0] + '?properties=name,domain,industry', { headers: crmHeaders_(), muteHttpExceptions: true });
    var body = JSON.parse(resp.getContentText());
    out.push([body.properties.name, body.properties.domain, body.properties.industry]);
  }
  sheet.getRange(2, 2, out.length, 3).setValues(out);
}

function pullCompaniesBatched() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Companies');
  var ids = sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).getValues();
  var requests = ids.map(function (r) {
    return { url: CRM_BASE + r[0] + '?properties=name,domain,industry', headers: crmHeaders_(), muteHttpExceptions: true };
  });
  // expect-none: db-loops
  var responses = UrlFetchApp.fetchAll(requests);
  var out = responses.map(function (resp) {
    var p = JSON.parse(resp.getContentText()).properties;
    return [p.name, p.domain, p.industry];
  });
  sheet.getRange(2, 2, out.length, 3).setValues(out);
}

function notifySlack(rows) {
  rows.forEach(function (r) {
    // expect: db-loops/sheets-call-in-loop
    UrlFetchApp.fetch(props.getProperty('SLACK_HOOK'), { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text: r[0] + ' is overdue' }) });
  });
}

function fetchWithRetry_(url, options) {
  for (var attempt = 0; attempt < 4; attempt++) {
    // expect-none: db-loops
    var resp = UrlFetchApp.fetch(url, options);
    if (resp.getResponseCode() < 500) return resp;
    Utilities.sleep(1000 * Math.pow(2, attempt));
  }
  throw new Error('CRM unavailable: ' + url);
}

function checkStatusPages() {
  var pages = ['https://status.hubspot.com/api/v2/status.json', 'https://status.cloud.google.com/incidents.json'];
  for (var i = 0; i < pages.length; i++) {
    // expect-none: db-loops
    Logger.log(UrlFetchApp.fetch(pages[i]).getResponseCode());
  }
}

function loadTickets() {
  var conn = db_();
  var sheet = SpreadsheetApp.getActive().getSheetByName('Tickets');
  var rows = sheet.getDataRange().getValues().slice(1);
  var stmt = conn.createStatement();
  for (var i = 0; i < rows.length; i++) {
    // expect: db-loops/query-in-loop
    var rs = stmt.executeQuery("SELECT owner, sla_hours FROM tickets WHERE ticket_no = '" + rows[i][0] + "'");
    if (rs.next()) {
      rows[i][3] = rs.getString(1);
      rows[i][4] = rs.getInt(2);
    }
    rs.close();
  }
  sheet.getRange(2, 1, rows.length, rows[0].length).setValues(rows);
  conn.close();
}

function saveTickets() {
  var conn = db_();
  var rows = SpreadsheetApp.getActive().getSheetByName('Tickets').getDataRange().getValues().slice(1);
  var upd = conn.prepareStatement('UPDATE tickets SET status = ? WHERE ticket_no = ?');
  rows.forEach(function (r) {
    upd.setString(1, r[2]);
    upd.setString(2, r[0]);
    // expect: db-loops/query-in-loop
    upd.executeUpdate();
  });
  conn.close();
}

function saveTicketsBatched() {
  var conn = db_();
  conn.setAutoCommit(false);
  var rows = SpreadsheetApp.getActive().getSheetByName('Tickets').getDataRange().getValues().slice(1);
  var upd = conn.prepareStatement('UPDATE tickets SET status = ? WHERE ticket_no = ?');
  for (var i = 0; i < rows.length; i++) {
    upd.setString(1, rows[i][2]);
    upd.setString(2, rows[i][0]);
    // expect-none: db-loops
    upd.addBatch();
  }
  // expect-none: db-loops
  upd.executeBatch();
  conn.commit();
  conn.close();
}

function loadOwnersOnce() {
  var conn = db_();
  var sheet = SpreadsheetApp.getActive().getSheetByName('Owners');
  // expect-none: db-loops
  var rs = conn.createStatement().executeQuery('SELECT owner, team FROM owners ORDER BY owner LIMIT 500');
  var out = [];
  // expect-none: db-loops
  while (rs.next()) {
    out.push([rs.getString(1), rs.getString(2)]);
  }
  sheet.getRange(2, 1, out.length, 2).setValues(out);
  conn.close();
}

function importAllDealsForever() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Deals');
  var after = '';
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    var page = JSON.parse(UrlFetchApp.fetch('https://api.hubapi.com/crm/v3/objects/deals?limit=100&after=' + after, { headers: crmHeaders_() }).getContentText());
    sheet.getRange(sheet.getLastRow() + 1, 1, page.results.length, 2).setValues(page.results.map(function (d) { return [d.id, d.properties.amount]; }));
    after = page.paging.next.after;
  }
}

function importAllDeals() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Deals');
  var after = '';
  var all = [];
  // expect-none: db-loops
  while (true) {
    var page = JSON.parse(fetchWithRetry_('https://api.hubapi.com/crm/v3/objects/deals?limit=100&after=' + after, { headers: crmHeaders_() }).getContentText());
    if (!page.results.length) break;
    all = all.concat(page.results.map(function (d) { return [d.id, d.properties.amount]; }));
    if (!page.paging) break;
    after = page.paging.next.after;
  }
  if (all.length) sheet.getRange(2, 1, all.length, 2).setValues(all);
}

function clearStaging() {
  var conn = db_();
  var stmt = conn.createStatement();
  // expect: db-loops/update-without-where
  stmt.execute('DELETE FROM ticket_staging');
  // expect-none: db-loops
  stmt.execute("DELETE FROM ticket_staging WHERE imported = 1");
  conn.close();
}
