/** Cloud SQL jobs behind the warehouse sheet: clean-up, pollers and paging. */
function connect_() {
  var p = PropertiesService.getScriptProperties();
  return Jdbc.getCloudSqlConnection(p.getProperty('DB_URL'), p.getProperty('DB_USER'), p.getProperty('DB_PASS'));
}

function resetStaging() {
  var conn = connect_();
  // expect: db-loops/update-without-where
  conn.createStatement().execute('DELETE FROM staging_counts');
  // expect-none: db-loops
  conn.createStatement().execute("DELETE FROM staging_counts WHERE loaded_on < CURRENT_DATE - 7");
  conn.close();
}

function watchCounts() {
  var conn = connect_();
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    var rs = conn.createStatement().executeQuery('SELECT sku, qty FROM stock_counts WHERE qty < 5 LIMIT 50');
    while (rs.next()) Logger.log(rs.getString(1));
  }
}

function watchCountsSleeping() {
  var conn = connect_();
  // expect-none: db-loops
  for (var tries = 0; tries < 20; tries++) {
    var rs = conn.createStatement().executeQuery("SELECT done FROM import_jobs WHERE name = 'counts'");
    if (rs.next() && rs.getBoolean(1)) return true;
    Utilities.sleep(30000);
  }
  return false;
}

function pollWholeTable() {
  var conn = connect_();
  var seen = 0;
  while (seen < 1000) {
    // expect: db-loops/unbounded-read-in-loop
    var rs = conn.createStatement().executeQuery('SELECT * FROM stock_counts');
    while (rs.next()) seen++;
    Utilities.sleep(60000);
  }
}

function pollLowStock() {
  var conn = connect_();
  var seen = 0;
  while (seen < 1000) {
    // expect-none: db-loops
    var rs = conn.createStatement().executeQuery('SELECT sku FROM stock_counts WHERE qty < 5 ORDER BY sku LIMIT 100');
    while (rs.next()) seen++;
    Utilities.sleep(60000);
  }
}

function exportAllPages(sheet) {
  var conn = connect_();
  var offset = 0;
  // expect: db-loops/paging-loop-without-empty-page-exit
  while (true) {
    var rs = conn.createStatement().executeQuery('SELECT sku, qty FROM stock_counts ORDER BY sku LIMIT 500 OFFSET ' + offset);
    var rows = [];
    while (rs.next()) rows.push([rs.getString(1), rs.getInt(2)]);
    sheet.getRange(offset + 2, 1, rows.length || 1, 2).setValues(rows.length ? rows : [['', '']]);
    offset += 500;
    if (offset > 100000) break;
  }
}

function exportPagesUntilEmpty(sheet) {
  var conn = connect_();
  var offset = 0;
  // expect-none: db-loops
  while (true) {
    var rs = conn.createStatement().executeQuery('SELECT sku, qty FROM stock_counts ORDER BY sku LIMIT 500 OFFSET ' + offset);
    var rows = [];
    while (rs.next()) rows.push([rs.getString(1), rs.getInt(2)]);
    if (rows.length === 0) break;
    sheet.getRange(offset + 2, 1, rows.length, 2).setValues(rows);
    offset += 500;
  }
}
