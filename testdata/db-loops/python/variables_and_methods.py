"""Loyalty batch jobs: constant lists held in variables, SQL held in variables, helper methods."""
import sqlite3
import time

conn = sqlite3.connect("loyalty.db")


def monthly_totals():
    cur = conn.cursor()
    quarters = ["q1", "q2", "q3", "q4"]
    for q in quarters:
        # expect-none: db-loops
        cur.execute("SELECT sum(points) FROM ledger WHERE quarter = ?", (q,))


def per_member_totals(member_ids):
    cur = conn.cursor()
    ids = list(member_ids)
    for mid in ids:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT sum(points) FROM ledger WHERE member_id = ?", (mid,))


class Rewards:
    def __init__(self, connection):
        self.cur = connection.cursor()

    def balance(self, member_id):
        self.cur.execute("SELECT points FROM balances WHERE member_id = ?", (member_id,))
        return self.cur.fetchone()

    def label(self, member_id):
        return f"member-{member_id}"

    def statement(self, members):
        for m in members:
            # expect: db-loops/query-in-loop
            self.balance(m.id)
            # expect-none: db-loops
            self.label(m.id)
        # expect: db-loops/query-in-loop
        return [self.balance(m.id) for m in members]


def watch_redemptions():
    cur = conn.cursor()
    pending = "SELECT * FROM redemptions WHERE state = 'pending'"
    bounded = "SELECT * FROM redemptions WHERE state = 'pending' LIMIT 50"
    while True:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute(pending)
        # expect-none: db-loops
        cur.execute(bounded)
        time.sleep(30)


def reset_staging(table):
    cur = conn.cursor()
    # expect: db-loops/update-without-where
    purge = "DELETE FROM staging_points"
    cur.execute(purge)
    scoped = f"DELETE FROM {table}"
    # expect-none: db-loops
    cur.execute(scoped)
    keep = "DELETE FROM staging_points WHERE batch_id = ?"
    # expect-none: db-loops
    cur.execute(keep, (7,))
