"""Housekeeping jobs for the sales analytics Postgres and the ops SQLite cache.

Written by the analytics team: schema fix-ups that walk the catalog (tables, indexes,
constraints, sequences), next to ordinary per-customer work that really is N+1.
"""
import sqlite3

import psycopg2

pg = psycopg2.connect("dbname=sales")
cache = sqlite3.connect("ops_cache.db")


def drop_stale_indexes(index_names):
    cur = pg.cursor()
    for index_name in index_names:
        # expect-none: db-loops
        cur.execute(f"DROP INDEX IF EXISTS {index_name}")
    pg.commit()


def drop_foreign_keys(table, fk_names):
    cur = pg.cursor()
    for fk in fk_names:
        # expect-none: db-loops
        cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{fk}"')


def add_missing_columns(df, existing):
    cur = pg.cursor()
    for col in df.columns:
        if col not in existing:
            # expect-none: db-loops
            cur.execute(f"ALTER TABLE leads ADD COLUMN {col} TEXT")


def reset_sequences(sequence_names):
    cur = pg.cursor()
    for seq in sequence_names:
        # expect-none: db-loops
        cur.execute("SELECT setval(%s, 1, false)", (seq,))


def row_counts():
    cur = pg.cursor()
    cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    counts = {}
    for (name,) in cur.fetchall():
        # expect-none: db-loops
        cur.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = %s", (name,))
        counts[name] = cur.fetchone()[0]
    return counts


def describe_cache_tables(table_names):
    cur = cache.cursor()
    info = {}
    for t in table_names:
        # expect-none: db-loops
        cur.execute("PRAGMA table_info(%s)" % t)
        info[t] = cur.fetchall()
    return info


def index_columns():
    cur = cache.cursor()
    cur.execute("PRAGMA index_list(orders)")
    out = {}
    for row in cur.fetchall():
        # expect-none: db-loops
        cur.execute("PRAGMA index_info(%s)" % row[1])
        out[row[1]] = cur.fetchall()
    return out


def index_definitions():
    cur = cache.cursor()
    found = []
    for row in cur.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall():
        # expect-none: db-loops
        cur.execute("SELECT sql FROM sqlite_master WHERE name = ?", (row[0],))
        found.append(cur.fetchone())
    return found


def vacuum_partitions(partitions):
    cur = pg.cursor()
    for part in partitions:
        # expect-none: db-loops
        cur.execute(f"VACUUM ANALYZE {part}")


def check_orphans(conn, key_columns):
    cur = conn.cursor()
    bad = []
    for column, ref_table, ref_column in key_columns:
        # expect-none: db-loops
        cur.execute(f"SELECT count(*) FROM orders o LEFT JOIN {ref_table} r ON o.{column} = r.{ref_column} WHERE r.{ref_column} IS NULL")
        bad.append((column, cur.fetchone()[0]))
    return bad


def per_database_cleanup(database_names):
    for db_name in database_names:
        conn = psycopg2.connect(dbname=db_name)
        # expect-none: db-loops
        conn.cursor().execute("DELETE FROM audit_log WHERE created < now() - interval '90 days'")
        conn.commit()


class LeadsSchema:
    def __init__(self, conn):
        self.conn = conn

    def run(self, sql):
        self.conn.cursor().execute(sql)

    def rebuild_constraints(self, model, constraint_names):
        for name in constraint_names:
            # expect-none: db-loops
            self.run(self._drop_constraint_sql(model, name))

    def recreate_uniques(self, model, wanted, present):
        for fields in wanted.difference(present):
            # expect-none: db-loops
            self.run(self._create_unique_sql(model, fields))

    def _drop_constraint_sql(self, model, name):
        return f"ALTER TABLE {model} DROP CONSTRAINT {name}"

    def _create_unique_sql(self, model, fields):
        return f"ALTER TABLE {model} ADD UNIQUE ({', '.join(fields)})"

    def refresh_leads(self, lead_ids):
        for lead_id in lead_ids:
            # expect: db-loops/query-in-loop
            self.run(self._lead_update_sql(lead_id))

    def _lead_update_sql(self, lead_id):
        return f"UPDATE leads SET touched = now() WHERE id = {int(lead_id)}"


# Ordinary data loops next to the schema work: these stay findings.

def customer_totals(customer_ids):
    cur = pg.cursor()
    totals = {}
    for customer_id in customer_ids:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT sum(amount) FROM orders WHERE customer_id = %s", (customer_id,))
        totals[customer_id] = cur.fetchone()[0]
    return totals


def order_lines_per_row():
    cur = cache.cursor()
    cur.execute("SELECT id FROM orders WHERE shipped = 0")
    lines = {}
    for row in cur.fetchall():
        # expect: db-loops/query-in-loop
        cur.execute("SELECT sku, qty FROM order_lines WHERE order_id = ?", (row[0],))
        lines[row[0]] = cur.fetchall()
    return lines


def archive_vegetables(vegetables):
    cur = pg.cursor()
    for veg in vegetables:
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE produce SET archived = true WHERE name = %s", (veg,))


def tag_invoices(invoice_tables_rows):
    cur = pg.cursor()
    for invoice in invoice_tables_rows:
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE invoices SET tagged = true WHERE id = %s", (invoice["id"],))


def per_customer_temp_tables(customers):
    cur = pg.cursor()
    for customer in customers:
        # expect: db-loops/query-in-loop
        cur.execute("INSERT INTO customer_snapshots SELECT * FROM orders WHERE customer_id = %s", (customer.id,))
