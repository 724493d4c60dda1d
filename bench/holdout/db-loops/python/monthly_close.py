"""Month-end close helper for the finance team.

Pulls open invoices from the ledger database, attaches customer and FX data,
writes the accrual lines and refreshes the reporting tables. Run on the 1st:

    python monthly_close.py --period 2024-05
"""
import argparse
import datetime as dt
import logging
import os

import psycopg2
import psycopg2.extras
from psycopg2.extras import execute_values

log = logging.getLogger("close")

DSN = os.environ.get("LEDGER_DSN", "dbname=ledger user=finance host=db.internal")
ENTITIES = ("US01", "UK02", "DE03")


def connect():
    return psycopg2.connect(DSN)


def fx_rate(cur, currency, on_day):
    cur.execute(
        "SELECT rate FROM fx_rates WHERE currency = %s AND rate_date = %s",
        (currency, on_day),
    )
    row = cur.fetchone()
    return row[0] if row else 1.0


def customer_terms(cur, customer_id):
    cur.execute("SELECT payment_terms FROM customers WHERE id = %s", (customer_id,))
    return cur.fetchone()[0]


def open_invoices(cur, period_end):
    # expect-none: db-loops
    cur.execute(
        "SELECT id, customer_id, currency, amount, due_date FROM invoices "
        "WHERE status = 'open' AND issued_on <= %s",
        (period_end,),
    )
    return cur.fetchall()


def build_accruals(cur, period_end):
    invoices = open_invoices(cur, period_end)
    lines = []
    for inv_id, cust_id, ccy, amount, due in invoices:
        # expect: db-loops/query-in-loop
        rate = fx_rate(cur, ccy, period_end)
        # expect: db-loops/query-in-loop
        terms = customer_terms(cur, cust_id)
        # expect: db-loops/query-in-loop
        cur.execute("SELECT name, segment FROM customers WHERE id = %s", (cust_id,))
        name, segment = cur.fetchone()
        lines.append((inv_id, name, segment, terms, round(float(amount) * float(rate), 2)))
    return lines


def write_accruals(cur, period, lines):
    # expect-none: db-loops
    cur.execute("DELETE FROM accrual_lines WHERE period = %s", (period,))
    # expect-none: db-loops
    execute_values(
        cur,
        "INSERT INTO accrual_lines (invoice_id, customer, segment, terms, amount_usd, period) VALUES %s",
        [(l[0], l[1], l[2], l[3], l[4], period) for l in lines],
    )


def mark_reviewed(cur, invoice_ids):
    for invoice_id in invoice_ids:
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE invoices SET reviewed = true WHERE id = %s", (invoice_id,))


def mark_reviewed_batch(cur, invoice_ids):
    # expect-none: db-loops
    cur.execute("UPDATE invoices SET reviewed = true WHERE id = ANY(%s)", (list(invoice_ids),))


def record_payments(cur, payments):
    # expect-none: db-loops
    cur.executemany(
        "INSERT INTO payments (invoice_id, paid_on, amount) VALUES (%s, %s, %s)",
        [(p["invoice"], p["date"], p["amount"]) for p in payments],
    )


def entity_totals(cur, period):
    totals = {}
    for entity in ENTITIES:
        # expect-none: db-loops
        cur.execute(
            "SELECT sum(amount_usd) FROM accrual_lines WHERE period = %s AND entity = %s",
            (period, entity),
        )
        totals[entity] = cur.fetchone()[0] or 0
    for bucket in ["0-30", "31-60", "61-90"]:
        # expect-none: db-loops
        cur.execute("SELECT count(*) FROM aging WHERE bucket = %s", (bucket,))
        log.info("bucket %s: %s", bucket, cur.fetchone()[0])
    return totals


def vendor_balance(cur, vendor_id):
    cur.execute("SELECT balance FROM vendors WHERE id = %s", (vendor_id,))
    return cur.fetchone()[0]


def vendor_balances(cur, vendor_ids):
    # expect: db-loops/query-in-loop
    return {v: vendor_balance(cur, v) for v in vendor_ids}


def match_customer(cur, candidate_emails):
    for email in candidate_emails:
        # expect-none: db-loops
        cur.execute("SELECT id FROM customers WHERE lower(email) = lower(%s)", (email,))
        row = cur.fetchone()
        if row:
            return row[0]
    return None


def reset_reporting(cur):
    # expect: db-loops/update-without-where
    cur.execute("DELETE FROM report_cache")
    # expect: db-loops/update-without-where
    cur.execute("UPDATE gl_accounts SET reconciled = false")
    # expect-none: db-loops
    cur.execute("UPDATE gl_accounts SET reconciled = false WHERE period_closed = false")
    # expect-none: db-loops
    cur.execute("DELETE FROM report_cache WHERE built_at < now() - interval '1 day'")
    # expect-none: db-loops
    log.info("reporting tables reset (DELETE FROM report_cache)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--period", required=True)
    args = parser.parse_args()
    year, month = map(int, args.period.split("-"))
    period_end = dt.date(year, month, 28)
    with connect() as conn, conn.cursor() as cur:
        lines = build_accruals(cur, period_end)
        write_accruals(cur, args.period, lines)
        mark_reviewed(cur, [l[0] for l in lines])
        log.info("totals: %s", entity_totals(cur, args.period))
        reset_reporting(cur)


if __name__ == "__main__":
    main()
