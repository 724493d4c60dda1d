// Pulls the helpdesk's tickets and the warehouse's stock into the dashboard spreadsheet.
var HELPDESK = 'https://helpdesk.example.com/api/v2';

function importTickets() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Tickets');
  var page = 1;
  var all = [];
  // expect: db-loops/paging-loop-without-empty-page-exit
  while (true) {
    var resp = UrlFetchApp.fetch(HELPDESK + '/tickets?page=' + page, { muteHttpExceptions: true });
    var data = JSON.parse(resp.getContentText());
    all = all.concat(data.tickets);
    page++;
    if (page > 40) break;
  }
  sheet.getRange(2, 1, all.length, 3).setValues(all.map(function (t) { return [t.id, t.subject, t.status]; }));
}

function importStock() {
  var conn = Jdbc.getCloudSqlConnection('jdbc:google:mysql://warehouse/stock');
  var stmt = conn.createStatement();
  var offset = 0;
  var rows = [];
  // expect: db-loops/paging-loop-without-empty-page-exit
  while (true) {
    var rs = stmt.executeQuery('SELECT sku, qty FROM stock ORDER BY sku LIMIT 500 OFFSET ' + offset);
    while (rs.next()) rows.push([rs.getString(1), rs.getInt(2)]);
    offset += 500;
    if (offset >= 50000) break;
  }
  SpreadsheetApp.getActive().getSheetByName('Stock').getRange(2, 1, rows.length, 2).setValues(rows);
}

function importTicketsUntilEmpty() {
  var page = 1;
  var all = [];
  // expect-none: db-loops
  while (true) {
    var resp = UrlFetchApp.fetch(HELPDESK + '/tickets?page=' + page);
    var data = JSON.parse(resp.getContentText());
    if (data.tickets.length === 0) break;
    all = all.concat(data.tickets);
    page++;
  }
  return all;
}

function listFolderFiles(folderId, token) {
  var files = [];
  var pageToken = null;
  // expect-none: db-loops
  while (true) {
    var url = 'https://www.googleapis.com/drive/v3/files?q=%27' + folderId + '%27+in+parents' + (pageToken ? '&pageToken=' + pageToken : '');
    var json = JSON.parse(UrlFetchApp.fetch(url, { headers: { Authorization: 'Bearer ' + token } }).getContentText());
    files = files.concat(json.files);
    pageToken = json.nextPageToken;
    if (!pageToken) break;
  }
  return files;
}

function importStockShortPage() {
  var conn = Jdbc.getCloudSqlConnection('jdbc:google:mysql://warehouse/stock');
  var stmt = conn.createStatement();
  var offset = 0;
  var rows = [];
  // expect-none: db-loops
  while (true) {
    var rs = stmt.executeQuery('SELECT sku, qty FROM stock ORDER BY sku LIMIT 500 OFFSET ' + offset);
    var count = 0;
    while (rs.next()) {
      rows.push([rs.getString(1), rs.getInt(2)]);
      count++;
    }
    if (count < 500) break;
    offset += 500;
  }
  return rows;
}
