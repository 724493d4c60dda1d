"""Nightly tidy-up for the marketing warehouse: schema chores next to row work.

Loops over schema objects (indexes, constraints, columns, catalog rows) are bounded by the
schema and their statements have no batched form: not N+1. Loops over rows are.
"""
import sqlite3

import psycopg2
from sqlalchemy.schema import DropConstraint

wh = psycopg2.connect("dbname=marketing")
local = sqlite3.connect("campaigns.db")


def rebuild_indexes(index_names):
    cur = wh.cursor()
    for name in index_names:
        # expect-none: db-loops
        cur.execute(f"REINDEX INDEX {name}")


def drop_old_checks(constraint_names):
    cur = wh.cursor()
    for c in constraint_names:
        # expect-none: db-loops
        cur.execute(f"ALTER TABLE campaigns DROP CONSTRAINT {c}")


def widen_columns(frame):
    cur = wh.cursor()
    for col in frame.columns:
        # expect-none: db-loops
        cur.execute(f"ALTER TABLE campaign_stats ALTER COLUMN {col} TYPE numeric")


def describe(local_tables):
    cur = local.cursor()
    for t in local_tables:
        # expect-none: db-loops
        cur.execute("PRAGMA table_info(%s)" % t)


def catalog_sizes():
    cur = wh.cursor()
    cur.execute("SELECT relname FROM pg_class WHERE relkind = 'r'")
    sizes = {}
    for (rel,) in cur.fetchall():
        # expect-none: db-loops
        cur.execute("SELECT pg_total_relation_size(oid) FROM pg_class WHERE relname = %s", (rel,))
        sizes[rel] = cur.fetchone()[0]
    return sizes


class CampaignSchema:
    def __init__(self, conn):
        self.conn = conn

    def execute(self, sql):
        self.conn.cursor().execute(sql)

    def drop_foreign_keys(self, table, fk_names):
        for fk in fk_names:
            # expect-none: db-loops
            self.execute(self._delete_fk_sql(table, fk))

    def add_indexes(self, table, wanted):
        for fields in wanted:
            # expect-none: db-loops
            self.execute(self._create_index_sql(table, fields))

    def touch_campaigns(self, campaign_ids):
        for cid in campaign_ids:
            # expect: db-loops/query-in-loop
            self.execute(self._touch_sql(cid))

    def _delete_fk_sql(self, table, fk):
        return f"ALTER TABLE {table} DROP CONSTRAINT {fk}"

    def _create_index_sql(self, table, fields):
        return f"CREATE INDEX ON {table} ({', '.join(fields)})"

    def _touch_sql(self, cid):
        return f"UPDATE campaigns SET touched_at = now() WHERE id = {int(cid)}"


def clicks_per_campaign(campaigns):
    cur = wh.cursor()
    out = {}
    for campaign in campaigns:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT count(*) FROM clicks WHERE campaign_id = %s", (campaign.id,))
        out[campaign.id] = cur.fetchone()[0]
    return out


def copy_rows_per_table_row(table_rows):
    cur = wh.cursor()
    for row in table_rows:
        # expect: db-loops/query-in-loop
        cur.execute("INSERT INTO campaign_archive (id, name) VALUES (%s, %s)", (row["id"], row["name"]))


def drop_checks(conn, checks):
    for ck in checks:
        # expect-none: db-loops
        conn.execute(DropConstraint(ck))


def run_migration_file(cur, text):
    sql_queries = [s for s in text.split(";") if s.strip()]
    for q in sql_queries:
        # expect-none: db-loops
        cur.execute(q + ";")


def blank_counts(cur, fields):
    out = {}
    for f in fields:
        # expect-none: db-loops
        cur.execute("SELECT count(*) FROM campaigns WHERE " + f + " = ''")
        out[f] = cur.fetchone()[0]
    return out


def audit_changed(cur, record):
    for key, value in record.items():
        # expect-none: db-loops
        cur.execute("INSERT INTO change_log (field, value) VALUES (%s, %s)", (key, value))


def sample_tables(cur, table_names_for_export):
    for t in table_names_for_export:
        # expect-none: db-loops
        cur.execute("SELECT * FROM " + t + " LIMIT 10")


def next_ids(cur, pending):
    while pending:
        cur.execute("INSERT INTO leads (email) VALUES (%s)", (pending.pop(),))
        # expect-none: db-loops
        cur.execute("SELECT lastval()")


def sync_vegetables_for_sale(cur, vegetables_for_sale):
    for v in vegetables_for_sale:
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE stock SET listed = true WHERE sku = %s", (v,))
