"""Club membership admin: SQL assembled at run time with f-strings, + and implicit concatenation."""
import sqlite3
import time


def renew_all(db, season):
    # expect: db-loops/update-without-where
    db.execute(f"UPDATE members SET season = '{season}'")


def wipe_waitlist(db):
    # expect: db-loops/update-without-where
    db.execute("DELETE FROM "
               "waitlist")


def tag_everyone(cur, tag):
    # expect: db-loops/update-without-where
    cur.execute("UPDATE members SET tag = '" + tag + "' ")


def renew_then_clear(cur, member_id):
    # Two statements: the hole sits in the first, which has its WHERE; the second has none.
    # expect: db-loops/update-without-where
    cur.executescript(f"UPDATE members SET paid = 1 WHERE id = {member_id}; DELETE FROM reminders")


def reset_fees(cur, amount):
    # expect: db-loops/update-without-where
    sql = f"UPDATE fees SET amount = '{amount}'"
    cur.execute(sql)


def renew_one(db, member_id, season):
    # expect-none: db-loops
    db.execute(f"UPDATE members SET season = '{season}' WHERE id = {member_id}")


def delete_matching(db, where_sql):
    # The hole could be the WHERE clause itself.
    # expect-none: db-loops
    db.execute(f"DELETE FROM waitlist {where_sql}")


def delete_from(db, table):
    # The table name is unknown text next to where a WHERE would go.
    # expect-none: db-loops
    db.execute(f"DELETE FROM {table}")


def set_fee(db, amount):
    # A bare value could be `0 WHERE id = 3`.
    # expect-none: db-loops
    db.execute("UPDATE fees SET amount = " + str(amount))


def escaped_newline(db):
    # `1\nWHERE` is not `1 WHERE` to the SQL parser: the escape is a hole, not text.
    # expect-none: db-loops
    db.execute("UPDATE members SET active = 1\nWHERE joined < '2020-01-01'")


def filter_later(db, member_id):
    sql = "DELETE FROM reminders"
    if member_id:
        sql += " WHERE member_id = ?"
    # expect-none: db-loops
    db.execute(sql, (member_id,) if member_id else ())


def format_value(db, member_id):
    # expect-none: db-loops
    db.execute("DELETE FROM reminders WHERE member_id = {}".format(member_id))


def message_only(logger, season):
    # expect-none: db-loops
    logger.warning(f"UPDATE members SET season = '{season}'")


def poll_renewals(db, batch_sql):
    while True:
        # A poller's SELECT with a hole: the hole could be its LIMIT, so no unbounded-read finding.
        # expect-none: db-loops
        rows = db.execute("SELECT * FROM renewals WHERE done = 0 " + batch_sql).fetchall()
        for row in rows:
            renew(row)
        time.sleep(30)


def poll_renewals_plain(db):
    while True:
        # expect: db-loops/unbounded-read-in-loop
        rows = db.execute("SELECT * FROM renewals WHERE done = 0").fetchall()
        for row in rows:
            renew(row)
        time.sleep(30)


def restamp_all(db, season, label):
    # Two placeholders, both inside SQL quotes.
    # expect: db-loops/update-without-where
    db.execute("UPDATE members SET season = '{}', label = '{}'".format(season, label))


def cull_expired(cursor, table, now):
    # The table name is a hole: cut out, `FROM  WHERE` would read WHERE as the table's name.
    # expect-none: db-loops
    cursor.execute("DELETE FROM %s WHERE expires < %%s" % table, [now])
    # expect-none: db-loops
    cursor.execute(f"DELETE FROM {table} WHERE expires < %s", [now])
