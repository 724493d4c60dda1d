"""Account health report. Helper functions query; the report loops over accounts."""
import os

import psycopg2

conn = psycopg2.connect(os.environ["CS_DB_URL"])


def open_tickets(account_id):
    cur = conn.cursor()
    cur.execute("SELECT COUNT(*) FROM tickets WHERE account_id = %s AND status = 'open'", (account_id,))
    return cur.fetchone()[0]


def last_login(account_id):
    cur = conn.cursor()
    cur.execute("SELECT MAX(logged_in_at) FROM logins WHERE account_id = %s", (account_id,))
    return cur.fetchone()[0]


def health_score(tickets, login):
    return max(0, 100 - 5 * tickets) if login else 0


def account_report(accounts):
    rows = []
    for account in accounts:
        # expect: db-loops/query-in-loop
        tickets = open_tickets(account["id"])
        # expect: db-loops/query-in-loop
        login = last_login(account["id"])
        # expect-none: db-loops
        rows.append((account["name"], health_score(tickets, login)))
    return rows


def ticket_counts_batched(account_ids):
    cur = conn.cursor()
    # expect-none: db-loops
    cur.execute("SELECT account_id, COUNT(*) FROM tickets WHERE account_id = ANY(%s) GROUP BY 1", (account_ids,))
    return dict(cur.fetchall())


def report_from_batches(accounts):
    counts = ticket_counts_batched([a["id"] for a in accounts])
    for account in accounts:
        # expect-none: db-loops
        print(account["name"], health_score(counts.get(account["id"], 0), True))


def tickets_for_all(accounts):
    # expect: db-loops/query-in-loop
    return {a["id"]: open_tickets(a["id"]) for a in accounts}
