// Volunteer hours sheet -> Cloud SQL, with statements built from cell values.
function resetHours(week) {
  var conn = Jdbc.getCloudSqlConnection(PropertiesService.getScriptProperties().getProperty('DB_URL'));
  // expect: db-loops/update-without-where
  conn.createStatement().executeUpdate("UPDATE hours SET week = '" + week + "'");
  conn.close();
}

function deleteRow(id) {
  var conn = Jdbc.getCloudSqlConnection(PropertiesService.getScriptProperties().getProperty('DB_URL'));
  // expect-none: db-loops
  conn.createStatement().executeUpdate('DELETE FROM hours WHERE id = ' + id);
  conn.close();
}

function deleteFrom(table) {
  var conn = Jdbc.getCloudSqlConnection(PropertiesService.getScriptProperties().getProperty('DB_URL'));
  // expect-none: db-loops
  conn.createStatement().execute(`DELETE FROM ${table}`);
  conn.close();
}
