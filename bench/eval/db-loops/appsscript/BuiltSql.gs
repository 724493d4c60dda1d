// Nightly Cloud SQL sync of the membership sheet; SQL assembled with + and templates.
var DB_URL = 'jdbc:google:mysql://members-project:europe-west1:members/members';

function markAllSynced(flag) {
  var conn = Jdbc.getCloudSqlConnection(DB_URL);
  var stmt = conn.createStatement();
  // expect: db-loops/update-without-where
  stmt.executeUpdate("UPDATE members SET synced = '" + flag + "'");
  conn.close();
}

function resetRegions(region) {
  var conn = Jdbc.getCloudSqlConnection(DB_URL);
  // expect: db-loops/update-without-where
  conn.createStatement().executeUpdate(`UPDATE members SET region = '${region}'`);
  conn.close();
}

function clearBatch(batch) {
  var conn = Jdbc.getCloudSqlConnection(DB_URL);
  // expect-none: db-loops
  conn.createStatement().executeUpdate('DELETE FROM staging WHERE batch = ' + batch);
  conn.close();
}

function clearYear(year) {
  var conn = Jdbc.getCloudSqlConnection(DB_URL);
  // expect-none: db-loops
  conn.createStatement().execute(`DELETE FROM log_${year}`);
  conn.close();
}

function clearWhere(clause) {
  var conn = Jdbc.getCloudSqlConnection(DB_URL);
  // expect-none: db-loops
  conn.createStatement().executeUpdate('UPDATE members SET flagged = 0 ' + clause);
  conn.close();
}
