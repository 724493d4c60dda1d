"""Find duplicate leads in the CRM mirror and merge them. Sales-ops tool, run by hand."""
import sqlite3
from collections import defaultdict

LEAD_SOURCES = ["web", "event", "partner"]


def load_leads(path):
    db = sqlite3.connect(path)
    # expect-none: db-loops
    return db.execute("SELECT id, email, company FROM leads").fetchall()


def merge_duplicates(path, leads):
    db = sqlite3.connect(path)
    by_email = defaultdict(list)
    for lead in leads:
        by_email[lead[1].lower()].append(lead[0])
    for email, ids in by_email.items():
        keep, *drop = sorted(ids)
        for dup in drop:
            # expect: db-loops/query-in-loop
            db.execute("UPDATE activities SET lead_id = ? WHERE lead_id = ?", (keep, dup))
            # expect: db-loops/query-in-loop
            db.execute("DELETE FROM leads WHERE id = ?", (dup,))
    db.commit()


def merge_duplicates_batched(path, pairs):
    db = sqlite3.connect(path)
    # expect-none: db-loops
    db.executemany("UPDATE activities SET lead_id = ? WHERE lead_id = ?", pairs)
    # expect-none: db-loops
    db.executemany("DELETE FROM leads WHERE id = ?", [(dup,) for _, dup in pairs])
    db.commit()


def counts_per_source(path):
    db = sqlite3.connect(path)
    out = {}
    for source in LEAD_SOURCES:
        # expect-none: db-loops
        out[source] = db.execute("SELECT COUNT(*) FROM leads WHERE source = ?", (source,)).fetchone()[0]
    return out


def company_sizes(path, companies):
    db = sqlite3.connect(path)
    sizes = []
    i = 0
    while i < len(companies):
        # expect: db-loops/query-in-loop
        row = db.execute("SELECT employees FROM companies WHERE name = ?", (companies[i],)).fetchone()
        sizes.append(row[0] if row else None)
        i += 1
    return sizes


def first_known_company(path, names):
    db = sqlite3.connect(path)
    for name in names:
        # expect-none: db-loops
        row = db.execute("SELECT id FROM companies WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
    return None


def owner_names(path, leads):
    db = sqlite3.connect(path)
    # expect: db-loops/query-in-loop
    return [db.execute("SELECT name FROM users WHERE id = ?", (lead[3],)).fetchone() for lead in leads]


def lead_ids(path):
    db = sqlite3.connect(path)
    # expect-none: db-loops
    return [row[0] for row in db.execute("SELECT id FROM leads")]
