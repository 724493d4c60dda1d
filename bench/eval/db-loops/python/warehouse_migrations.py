"""One-off schema tweaks and nightly ETL for the finance warehouse (SQL Server via pyodbc)."""
import os
import time

import pyodbc

cnxn = pyodbc.connect(os.environ["MSSQL_DSN"])
AUDITED_TABLES = ["gl_entries", "ap_invoices", "ar_invoices", "vendors"]
MIGRATIONS = [
    "ALTER TABLE gl_entries ADD cost_center VARCHAR(20)",
    "CREATE INDEX ix_ap_vendor ON ap_invoices(vendor_id)",
]


def add_audit_columns():
    cursor = cnxn.cursor()
    for table in AUDITED_TABLES:
        # expect-none: db-loops
        cursor.execute(f"ALTER TABLE {table} ADD updated_by VARCHAR(64) NULL")
    cnxn.commit()


def run_migrations():
    cursor = cnxn.cursor()
    for statement in MIGRATIONS:
        # expect-none: db-loops
        cursor.execute(statement)
    cnxn.commit()


def grant_readers():
    cursor = cnxn.cursor()
    for schema in ("finance", "reporting", "staging"):
        # expect-none: db-loops
        cursor.execute(f"GRANT SELECT ON SCHEMA::{schema} TO bi_readers")


def reset_identity_columns(tables_with_rows):
    cursor = cnxn.cursor()
    reset_sql = [f"DBCC CHECKIDENT ('{t}', RESEED)" for t in tables_with_rows]
    for command in reset_sql:
        # expect-none: db-loops
        cursor.execute(command)
    cnxn.commit()


def copy_vendor_names(vendor_ids):
    cursor = cnxn.cursor()
    names = {}
    for vid in vendor_ids:
        # expect: db-loops/query-in-loop
        cursor.execute("SELECT name FROM vendors WHERE vendor_id = ?", vid)
        names[vid] = cursor.fetchone()[0]
    return names


def load_gl(entries):
    cursor = cnxn.cursor()
    cursor.fast_executemany = True
    # expect-none: db-loops
    cursor.executemany("INSERT INTO gl_entries (account, amount, period) VALUES (?, ?, ?)", entries)
    cnxn.commit()


def load_gl_row_by_row(entries):
    cursor = cnxn.cursor()
    for account, amount, period in entries:
        # expect: db-loops/query-in-loop
        cursor.execute("INSERT INTO gl_entries (account, amount, period) VALUES (?, ?, ?)", account, amount, period)
    cnxn.commit()


def full_ledger_per_period(periods):
    cursor = cnxn.cursor()
    totals = {}
    for period in periods:
        # expect: db-loops/query-in-loop
        cursor.execute("SELECT * FROM gl_entries")
        totals[period] = sum(r.amount for r in cursor.fetchall() if r.period == period)
    return totals


def export_pages(page_size=1000):
    cursor = cnxn.cursor()
    offset = 0
    # expect-none: db-loops
    while True:
        cursor.execute("SELECT * FROM gl_entries ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", offset, page_size)
        rows = cursor.fetchall()
        if not rows:
            break
        write_page(rows)
        offset += page_size


def export_pages_forever(page_size=1000):
    cursor = cnxn.cursor()
    offset = 0
    # expect: db-loops/unbounded-polling-loop
    while True:
        cursor.execute("SELECT * FROM gl_entries ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", offset, page_size)
        write_page(cursor.fetchall())
        offset += page_size


def wait_for_load_flag():
    cursor = cnxn.cursor()
    # expect-none: db-loops
    for attempt in range(30):
        cursor.execute("SELECT loaded FROM etl_flags WHERE name = 'gl'")
        if cursor.fetchone()[0]:
            return True
        time.sleep(60)
    return False


def write_page(rows):
    print(len(rows))
