"""Quarter-end reconciliation run by the finance ops team (psycopg2 + Django shell)."""
import logging

import psycopg2

from ledger.models import Adjustment

log = logging.getLogger("recon")
CURRENCIES = ("EUR", "USD")


def reconcile(conn, invoices):
    cur = conn.cursor()
    for inv in invoices:
        if inv["status"] != "void":
            try:
                with conn:
                    if inv["amount"] > 0:
                        # expect: db-loops/query-in-loop
                        cur.execute(
                            "UPDATE ledger SET reconciled = true WHERE invoice_id = %s",
                            (inv["id"],),
                        )
                    elif inv["amount"] < 0:
                        for line in inv["lines"]:
                            if line.get("refund"):
                                # expect: db-loops/query-in-loop
                                Adjustment.objects.create(invoice_id=inv["id"], amount=line["amount"])
            except psycopg2.IntegrityError:
                log.warning("duplicate ledger row for %s", inv["id"])


def fx_exposure(conn, accounts):
    cur = conn.cursor()
    exposure = {}
    for account in accounts:
        for currency in CURRENCIES:
            # expect: db-loops/query-in-loop
            cur.execute("SELECT SUM(amount) FROM positions WHERE account = %s AND ccy = %s", (account, currency))
            exposure[(account, currency)] = cur.fetchone()[0]
    return exposure


def fx_exposure_batched(conn, accounts):
    cur = conn.cursor()
    for currency in CURRENCIES:
        cur.execute("SELECT account, SUM(amount) FROM positions WHERE ccy = %s GROUP BY account", (currency,))
    totals = {}
    for row in cur.execute("SELECT account, ccy, SUM(amount) FROM positions GROUP BY 1, 2"):
        if row[2]:
            totals[(row[0], row[1])] = row[2]
    for table in ("positions", "positions_hist"):
        cur.execute(f"ANALYZE {table}")
    return totals


def positions_per_account(conn, accounts):
    cur = conn.cursor()
    for account in accounts:
        # expect: db-loops/query-in-loop
        for position in cur.execute("SELECT * FROM positions WHERE account = %s", (account,)):
            log.info("%s %s", account, position)


def first_unreconciled(conn, invoices):
    cur = conn.cursor()
    for inv in invoices:
        for attempt in range(3):
            try:
                cur.execute("SELECT reconciled FROM ledger WHERE invoice_id = %s", (inv["id"],))
                break
            except psycopg2.OperationalError:
                conn.rollback()
        if not cur.fetchone()[0]:
            return inv
    return None


def report_lines(conn, invoices):
    cur = conn.cursor()
    lines = []
    for inv in invoices:
        def load():
            cur.execute("SELECT * FROM ledger WHERE invoice_id = %s", (inv["id"],))
            return cur.fetchall()
        lines.append(load)
        totals = [line["amount"] for line in inv["lines"] if line.get("amount")]
        lines.append(sum(totals))
    return lines
