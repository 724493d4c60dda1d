"""Data-quality and schema helpers for the CRM reporting database (SQLAlchemy + psycopg2).

Loops over columns, enum types, split statements and DDL constructs are schema work; loops over
leads and accounts are data.
"""
import sqlalchemy as sa
from sqlalchemy.schema import DropConstraint, DropTable

engine = sa.create_engine("postgresql://crm@db/crm")


def null_counts(cur, sorted_fields):
    counts = {}
    for field in sorted_fields:
        # expect-none: db-loops
        cur.execute("SELECT count(*) FROM leads WHERE " + field + " IS NULL")
        counts[field] = cur.fetchone()[0]
    return counts


def drop_enum_types(conn, inspector):
    for enum in inspector.get_enums():
        # expect-none: db-loops
        conn.execute(sa.text("DROP TYPE IF EXISTS " + enum["name"]))


def run_script(cur, script_text):
    sub_queries = [s for s in script_text.split(";") if s.strip()]
    for sub in sub_queries:
        # expect-none: db-loops
        cur.execute(sub + ";")


def drop_foreign_keys(conn, fks):
    for fk in fks:
        # expect-none: db-loops
        conn.execute(DropConstraint(fk))


def drop_reporting_tables(conn, metadata):
    for t in reversed(metadata.sorted_tables):
        # expect-none: db-loops
        conn.execute(DropTable(t))


class SequenceManager:
    def __init__(self, db):
        self.db = db

    def create_sequence(self, name):
        self.db.execute(f"CREATE SEQUENCE IF NOT EXISTS {name}")

    def ensure_all(self, wanted):
        for name in wanted:
            # expect-none: db-loops
            self.create_sequence(name)

    def bump(self, name):
        self.db.execute("SELECT nextval(%s)", (name,))

    def bump_for_each_lead(self, leads):
        for lead in leads:
            # expect: db-loops/query-in-loop
            self.bump(lead.sequence_name)


def wait_for_inserts(cur, pending):
    ids = []
    while pending:
        cur.execute("INSERT INTO lead_events (lead_id) VALUES (%s)", (pending.pop(),))
        # expect-none: db-loops
        cur.execute("SELECT lastval()")
        ids.append(cur.fetchone()[0])
    return ids


# Look-alikes that stay findings.

def score_accounts(cur, account_fields_rows):
    for row in account_fields_rows:
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE accounts SET score = %s WHERE id = %s", (row["score"], row["id"]))


def search_each(cur, search_queries):
    hits = {}
    for q in search_queries:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT id FROM leads WHERE name ILIKE %s", ("%" + q + "%",))
        hits[q] = cur.fetchall()
    return hits


def export_forever(cur, sink):
    # expect: db-loops/unbounded-polling-loop
    while True:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute("SELECT id, email FROM leads")
        sink.write(cur.fetchall())
