/** Pushes the approved budget lines to the finance Cloud SQL database. */
function pushBudgetLines() {
  const props = PropertiesService.getScriptProperties();
  const conn = Jdbc.getCloudSqlConnection(props.getProperty('DB_URL'), props.getProperty('DB_USER'), props.getProperty('DB_PASS'));
  const lines = SpreadsheetApp.getActive().getSheetByName('Budget').getDataRange().getValues();
  for (let i = 1; i < lines.length; i++) {
    const stmt = conn.prepareStatement('INSERT INTO budget_lines (cost_center, amount) VALUES (?, ?)');
    stmt.setString(1, lines[i][0]);
    stmt.setDouble(2, lines[i][1]);
    // expect: db-loops/query-in-loop
    stmt.execute();
  }
  conn.close();
}

function pushBudgetLinesBatched() {
  const props = PropertiesService.getScriptProperties();
  const conn = Jdbc.getCloudSqlConnection(props.getProperty('DB_URL'), props.getProperty('DB_USER'), props.getProperty('DB_PASS'));
  const lines = SpreadsheetApp.getActive().getSheetByName('Budget').getDataRange().getValues();
  conn.setAutoCommit(false);
  const stmt = conn.prepareStatement('INSERT INTO budget_lines (cost_center, amount) VALUES (?, ?)');
  for (let i = 1; i < lines.length; i++) {
    stmt.setString(1, lines[i][0]);
    stmt.setDouble(2, lines[i][1]);
    stmt.addBatch();
  }
  stmt.executeBatch();
  conn.commit();
  conn.close();
}

function lookupOwners(costCenters) {
  const conn = Jdbc.getCloudSqlConnection(PropertiesService.getScriptProperties().getProperty('DB_URL'));
  const owners = {};
  costCenters.forEach(function (cc) {
    // expect: db-loops/query-in-loop
    const rs = conn.createStatement().executeQuery("SELECT owner FROM cost_centers WHERE code = '" + cc + "'");
    owners[cc] = rs.next() ? rs.getString(1) : null;
  });
  return owners;
}

function waitForExport() {
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const resp = UrlFetchApp.fetch('https://exports.example.com/status');
    if (resp.getResponseCode() === 500) {
      Logger.log('retrying');
    }
  }
}

function waitForExportPolitely() {
  for (let i = 0; i < 20; i++) {
    const resp = UrlFetchApp.fetch('https://exports.example.com/status');
    if (JSON.parse(resp.getContentText()).ready) return true;
    Utilities.sleep(5000);
  }
  return false;
}
