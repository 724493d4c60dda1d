"""Back-office scripts that build their SQL with f-strings and +, the way most of ours do."""
import datetime
import sqlite3
import time

ARCHIVE_SCHEMA = "archive"


def reset_statuses(cur, status):
    # expect: db-loops/update-without-where
    cur.execute(f"UPDATE accounts SET status = '{status}'")


def stamp_everyone(conn, when, locale):
    # expect: db-loops/update-without-where
    conn.execute(f"UPDATE users SET last_seen = '{when}', locale = '{locale}'")


def relabel_orders(cur, label):
    # expect: db-loops/update-without-where
    cur.execute("UPDATE orders SET label = '" + label + "'")


def clear_staging(cur):
    # expect: db-loops/update-without-where
    cur.execute("DELETE FROM " "staging_rows")


def recolour(cur, colour):
    # expect: db-loops/update-without-where
    cur.execute(f"""UPDATE products
           SET colour = '{colour}',
               updated_at = CURRENT_TIMESTAMP
    """)


def close_then_purge(cur, ticket_id):
    # expect: db-loops/update-without-where
    cur.execute(f"UPDATE tickets SET status = 'closed' WHERE id = {ticket_id}; DELETE FROM ticket_drafts")


def rename_region(cur, new):
    # expect: db-loops/update-without-where
    sql = "UPDATE stores SET region = '" + new + "'"
    cur.execute(sql)


def purge_unless_filtered(cur, customer_id):
    sql = "DELETE FROM carts"
    if customer_id:
        sql += f" WHERE customer_id = {customer_id}"
    # expect-none: db-loops
    cur.execute(sql)


def close_one(cur, ticket_id):
    # expect-none: db-loops
    cur.execute(f"UPDATE tickets SET status = 'closed' WHERE id = {ticket_id}")


def rename_one(cur, customer_id, name):
    # expect-none: db-loops
    cur.execute(f"UPDATE customers SET name = '{name}' WHERE id = {customer_id}")


def purge_with_clause(cur, where_clause):
    # expect-none: db-loops
    cur.execute(f"DELETE FROM sessions {where_clause}")


def abandon_carts(cur, cond):
    # expect-none: db-loops
    cur.execute(f"UPDATE carts SET abandoned = true {cond}")


def set_setting(cur, value):
    # expect-none: db-loops
    cur.execute(f"UPDATE settings SET value = {value}")


def delete_one(cur, row_id):
    # expect-none: db-loops
    cur.execute("DELETE FROM uploads WHERE id = " + str(row_id))


def delete_filtered(cur, suffix):
    # expect-none: db-loops
    cur.execute("DELETE FROM uploads" + suffix)


def archive_old(cur, days):
    cutoff = datetime.date.today() - datetime.timedelta(days=days)
    # expect-none: db-loops
    cur.execute(f"DELETE FROM {ARCHIVE_SCHEMA}.events WHERE created < '{cutoff}'")


def close_many(cur, ids):
    # expect-none: db-loops
    cur.execute("UPDATE tickets SET status = 'closed' WHERE id IN (" + ",".join("?" * len(ids)) + ")", ids)


def log_plan(log, status):
    # expect-none: db-loops
    log.info(f"UPDATE accounts SET status = '{status}'")


def show_statement(status):
    # expect-none: db-loops
    print("UPDATE accounts SET status = '" + status + "'")


def update_formatted(cur, clause):
    # expect-none: db-loops
    cur.execute("UPDATE payouts SET state = 'held' %s" % clause)


def purge_where(cur, column, value):
    # expect-none: db-loops
    cur.execute(f"DELETE FROM audit_log WHERE {column} = %s", (value,))


def drain_queue(cur, page_clause):
    while True:
        # expect-none: db-loops
        cur.execute("SELECT * FROM outbox WHERE sent = 0 " + page_clause)
        rows = cur.fetchall()
        if not rows:
            break
        time.sleep(5)


def watch_jobs(cur, clause):
    while running():
        # expect-none: db-loops
        cur.execute("SELECT id, payload FROM jobs %s" % clause)
        handle(cur.fetchall())
        time.sleep(2)
