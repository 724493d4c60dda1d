// Pushes the class roster sheet into the district's Cloud SQL database (IT coordinator's script).
var DB_URL = 'jdbc:google:mysql://district-project:us-central1:roster/school';

function getConn() {
  var props = PropertiesService.getScriptProperties();
  return Jdbc.getCloudSqlConnection(DB_URL, props.getProperty('DB_USER'), props.getProperty('DB_PASS'));
}

function pushRoster() {
  var conn = getConn();
  var rows = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
  for (var i = 1; i < rows.length; i++) {
    var stmt = conn.prepareStatement('INSERT INTO students (id, name, grade) VALUES (?, ?, ?)');
    stmt.setString(1, rows[i][0]);
    stmt.setString(2, rows[i][1]);
    stmt.setInt(3, rows[i][2]);
    // expect: db-loops/query-in-loop
    stmt.execute();
  }
  conn.close();
}

function pushRosterBatched() {
  var conn = getConn();
  conn.setAutoCommit(false);
  var rows = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
  var stmt = conn.prepareStatement('INSERT INTO students (id, name, grade) VALUES (?, ?, ?)');
  for (var i = 1; i < rows.length; i++) {
    stmt.setString(1, rows[i][0]);
    stmt.setString(2, rows[i][1]);
    stmt.setInt(3, rows[i][2]);
    // expect-none: db-loops
    stmt.addBatch();
  }
  // expect-none: db-loops
  stmt.executeBatch();
  conn.commit();
  conn.close();
}

function gradesFor(studentIds) {
  var conn = getConn();
  var out = [];
  studentIds.forEach(function (id) {
    var st = conn.createStatement();
    // expect: db-loops/query-in-loop
    var rs = st.executeQuery('SELECT AVG(score) FROM grades WHERE student_id = ' + Number(id));
    rs.next();
    out.push([id, rs.getDouble(1)]);
  });
  conn.close();
  return out;
}

function gradesForBatched(studentIds) {
  var conn = getConn();
  var st = conn.createStatement();
  // expect-none: db-loops
  var rs = st.executeQuery('SELECT student_id, AVG(score) FROM grades WHERE student_id IN (' + studentIds.map(Number).join(',') + ') GROUP BY student_id');
  var out = [];
  while (rs.next()) {
    // expect-none: db-loops
    out.push([rs.getString(1), rs.getDouble(2)]);
  }
  conn.close();
  return out;
}

function attendanceUpdate() {
  var conn = getConn();
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Attendance');
  var values = sheet.getDataRange().getValues();
  for (var r = 1; r < values.length; r++) {
    var ps = conn.prepareStatement('UPDATE attendance SET present = ? WHERE student_id = ? AND day = ?');
    ps.setBoolean(1, values[r][2] === 'Y');
    ps.setString(2, values[r][0]);
    ps.setString(3, values[r][1]);
    // expect: db-loops/query-in-loop
    ps.executeUpdate();
  }
  conn.close();
}

function connectivityCheck() {
  var attempts = 0;
  while (attempts < 3) {
    try {
      // expect-none: db-loops
      var conn = getConn();
      conn.close();
      return true;
    } catch (e) {
      attempts++;
      Utilities.sleep(2000);
    }
  }
  return false;
}

function perTeacherConnections(teachers) {
  for (var t = 0; t < teachers.length; t++) {
    // expect: db-loops/query-in-loop
    var conn = Jdbc.getCloudSqlConnection(DB_URL, teachers[t].user, teachers[t].pass);
    conn.close();
  }
}

function waitForEnrolments(conn) {
  var loaded = 0;
  while (loaded < 5000) {
    // expect: db-loops/unbounded-read-in-loop
    var rs = conn.createStatement().executeQuery('SELECT student_id, course FROM enrolments');
    while (rs.next()) loaded++;
    Utilities.sleep(60000);
  }
}

function waitForNewEnrolments(conn, since) {
  var loaded = 0;
  while (loaded < 5000) {
    // expect-none: db-loops
    var rs = conn.createStatement().executeQuery('SELECT student_id, course FROM enrolments ORDER BY id LIMIT 200');
    while (rs.next()) loaded++;
    Utilities.sleep(60000);
  }
}
