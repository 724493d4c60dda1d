"""Nightly sync of CRM customers into the finance reporting database.

Owner: revenue-ops (Maria). Runs from the shared scheduler at 02:00.
"""
import os
import sqlite3
import time

import psycopg2
from psycopg2.extras import execute_values

REGIONS = ["EMEA", "AMER", "APAC"]
STAGING_TABLES = ("stg_customers", "stg_invoices")


def connect():
    return psycopg2.connect(os.environ["FINANCE_DB_URL"])


def load_balances(conn, customer_ids):
    balances = {}
    with conn.cursor() as cur:
        for customer_id in customer_ids:
            # expect: db-loops/query-in-loop
            cur.execute(
                "SELECT balance FROM accounts WHERE customer_id = %s", (customer_id,)
            )
            row = cur.fetchone()
            balances[customer_id] = row[0] if row else 0
    return balances


def load_balances_batched(conn, customer_ids):
    # One round trip for every customer: the fixed version of load_balances.
    with conn.cursor() as cur:
        cur.execute(
            "SELECT customer_id, balance FROM accounts WHERE customer_id = ANY(%s)",
            (list(customer_ids),),
        )
        return dict(cur.fetchall())


def update_statuses(conn, invoices):
    cur = conn.cursor()
    for inv in invoices:
        if inv["paid"]:
            # expect: db-loops/query-in-loop
            cur.execute("UPDATE invoices SET status = 'paid' WHERE id = %s", (inv["id"],))
        else:
            days = inv["days_overdue"]
            if days > 30:
                # expect: db-loops/query-in-loop
                conn.execute("UPDATE invoices SET status = 'overdue' WHERE id = %s", (inv["id"],))
    conn.commit()


def insert_invoices_batched(conn, invoices):
    cur = conn.cursor()
    rows = [(i["id"], i["amount"], i["customer_id"]) for i in invoices]
    cur.executemany("INSERT INTO invoices (id, amount, customer_id) VALUES (%s, %s, %s)", rows)
    execute_values(cur, "INSERT INTO invoice_audit (invoice_id) VALUES %s", [(r[0],) for r in rows])
    conn.commit()


def region_totals(conn):
    totals = {}
    cur = conn.cursor()
    for region in REGIONS:
        cur.execute("SELECT SUM(amount) FROM invoices WHERE region = %s", (region,))
        totals[region] = cur.fetchone()[0]
    for quarter in ("Q1", "Q2", "Q3", "Q4"):
        cur.execute("SELECT SUM(amount) FROM invoices WHERE quarter = %s", (quarter,))
    return totals


def truncate_staging(conn):
    cur = conn.cursor()
    for table in STAGING_TABLES:
        cur.execute(f"TRUNCATE {table}")
    for name in ["stg_payments", "stg_refunds"]:
        cur.execute(f"TRUNCATE {name}")


def find_first_open_period(conn, periods):
    cur = conn.cursor()
    for period in periods:
        cur.execute("SELECT closed FROM periods WHERE name = %s", (period,))
        if not cur.fetchone()[0]:
            return period
    return None


def copy_local_cache(path, rows):
    db = sqlite3.connect(path)
    for row in db.execute("SELECT id, email FROM customers"):
        print(row)
    for customer in rows:
        # expect: db-loops/query-in-loop
        count = db.execute("SELECT COUNT(*) FROM orders WHERE customer_id = ?", (customer,)).fetchone()[0]
        print(customer, count)
    db.close()


def export_in_chunks(conn, ids):
    cur = conn.cursor()
    for chunk in chunks(ids, 500):
        cur.execute("SELECT * FROM invoices WHERE id = ANY(%s)", (chunk,))
    for page in range(1, 40):
        cur.execute("SELECT * FROM invoices ORDER BY id LIMIT 500 OFFSET %s", ((page - 1) * 500,))
    for attempt in range(3):
        try:
            cur.execute("SELECT 1")
            break
        except psycopg2.OperationalError:
            time.sleep(2 ** attempt)


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def callbacks(conn, ids):
    cur = conn.cursor()
    for customer_id in ids:
        def later():
            cur.execute("SELECT 1 WHERE %s", (customer_id,))
        schedule(later)
    # expect: db-loops/query-in-loop
    rows = [cur.execute("SELECT name FROM customers WHERE id = %s", (i,)).fetchone() for i in ids]
    names = [r[0] for r in rows]
    queue = list(ids)
    while len(queue) > 0:
        customer_id = queue.pop()
        # expect: db-loops/query-in-loop
        cur.execute("DELETE FROM carts WHERE customer_id = %s", (customer_id,))
    return names


def schedule(fn):
    fn()


def limits_and_retries(conn, accounts, managers, partners):
    cur = conn.cursor()
    for limit in 1000, 5000, 10000:
        cur.execute("SELECT COUNT(*) FROM invoices WHERE amount > %s", (limit,))
    for step in [conn.rollback, conn.commit]:
        step()
        cur.execute("SELECT 1")
    for person in [*managers, *partners]:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT email FROM people WHERE id = %s", (person,))
    for region in ("EMEA", "AMER"):
        for account in accounts:
            # expect: db-loops/query-in-loop
            cur.execute("SELECT * FROM contracts WHERE account = %s AND region = %s", (account, region))
    for account_id, _ in accounts:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT * FROM contracts WHERE account = %s", (account_id,))
    for _ in range(len(accounts)):
        cur.execute("SELECT pg_advisory_unlock_all()")
    c = make_calculator()
    for item in accounts:
        c.execute(item)
