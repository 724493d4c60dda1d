#!/usr/bin/env python3
"""Warehouse ops: shipment label worker, order export and nightly sync.

Runs on the ops laptop under Task Scheduler. Talks to the local sqlite queue
and the ERP SQL Server through pyodbc.
"""
import logging
import signal
import sqlite3
import sys
import time
from datetime import datetime

import pyodbc
import requests

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("ops")

QUEUE_DB = "C:/ops/queue.sqlite"
ERP = "DRIVER={ODBC Driver 18 for SQL Server};SERVER=erp01;DATABASE=ERP;Trusted_Connection=yes"
CARRIER_API = "https://api.shipcarrier.example/v1/labels"
PAGE_SIZE = 500

running = True


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)


def print_label(order_id):
    r = requests.post(CARRIER_API, json={"order": order_id}, timeout=20)
    return r.json()["label_url"]


def label_worker_busy(db):
    # expect: db-loops/unbounded-polling-loop
    while True:
        rows = db.execute("SELECT id, order_id FROM label_queue WHERE done = 0 LIMIT 20").fetchall()
        for job_id, order_id in rows:
            url = f"/labels/{order_id}.pdf"
            # expect: db-loops/query-in-loop
            db.execute("UPDATE label_queue SET done = 1, url = ? WHERE id = ?", (url, job_id))
        db.commit()


def label_worker(db):
    # expect-none: db-loops
    while running:
        rows = db.execute("SELECT id, order_id FROM label_queue WHERE done = 0 LIMIT 20").fetchall()
        if not rows:
            time.sleep(10)
            continue
        db.executemany("UPDATE label_queue SET done = 1 WHERE id = ?", [(r[0],) for r in rows])
        db.commit()


def wait_for_batch(db, batch_id):
    # expect: db-loops/unbounded-polling-loop
    while True:
        state = db.execute("SELECT state FROM batches WHERE id = ?", (batch_id,)).fetchone()
        if state and state[0] == "cancelled":
            log.warning("batch %s cancelled, still waiting", batch_id)


def wait_for_batch_ok(db, batch_id, timeout_s=600):
    deadline = time.monotonic() + timeout_s
    # expect-none: db-loops
    while True:
        state = db.execute("SELECT state FROM batches WHERE id = ?", (batch_id,)).fetchone()
        if state and state[0] in ("done", "failed"):
            return state[0]
        if time.monotonic() > deadline:
            raise TimeoutError(batch_id)
        time.sleep(5)


def watch_stock(db):
    # expect-none: db-loops
    while True:
        # expect: db-loops/unbounded-read-in-loop
        everything = db.execute("SELECT * FROM stock_levels").fetchall()
        low = [r for r in everything if r[2] < r[3]]
        if low:
            log.warning("%d SKUs below reorder point", len(low))
        time.sleep(60)


def watch_stock_bounded(db):
    # expect-none: db-loops
    while running:
        # expect-none: db-loops
        low = db.execute("SELECT sku, qty FROM stock_levels WHERE qty < reorder_at ORDER BY qty LIMIT 100").fetchall()
        if low:
            log.warning("%d SKUs low", len(low))
        time.sleep(60)


def export_orders_forever(erp):
    cur = erp.cursor()
    offset = 0
    # expect: db-loops/unbounded-polling-loop
    while True:
        cur.execute(
            "SELECT order_no, customer, total FROM orders ORDER BY order_no "
            "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
            offset, PAGE_SIZE,
        )
        for row in cur.fetchall():
            sys.stdout.write(",".join(map(str, row)) + "\n")
        offset += PAGE_SIZE


def export_orders(erp):
    cur = erp.cursor()
    offset = 0
    # expect-none: db-loops
    while True:
        cur.execute(
            "SELECT order_no, customer, total FROM orders ORDER BY order_no "
            "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
            offset, PAGE_SIZE,
        )
        batch = cur.fetchall()
        if not batch:
            break
        for row in batch:
            sys.stdout.write(",".join(map(str, row)) + "\n")
        offset += len(batch)


def export_returns(erp):
    cur = erp.cursor()
    last_id = 0
    # expect-none: db-loops
    while True:
        cur.execute("SELECT TOP 1000 id, order_no, reason FROM returns WHERE id > ? ORDER BY id", last_id)
        chunk = cur.fetchall()
        for r in chunk:
            sys.stdout.write(f"{r.id},{r.order_no},{r.reason}\n")
        if len(chunk) < 1000:
            break
        last_id = chunk[-1].id


def carrier_events_forever():
    page = 1
    # expect: db-loops/unbounded-polling-loop
    while True:
        data = requests.get("https://api.shipcarrier.example/v1/events", params={"page": page}, timeout=30).json()
        for ev in data["events"]:
            log.info("event %s", ev["id"])
        page += 1


def carrier_events():
    page = 1
    events = []
    # expect-none: db-loops
    while True:
        data = requests.get("https://api.shipcarrier.example/v1/events", params={"page": page}, timeout=30).json()
        if not data["events"]:
            break
        events.extend(data["events"])
        page += 1
    return events


def sync_prices(erp, db):
    cur = erp.cursor()
    # expect-none: db-loops
    skus = [r[0] for r in db.execute("SELECT sku FROM catalog").fetchall()]
    for sku in skus:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT list_price FROM items WHERE item_no = ?", sku)
        price = cur.fetchone()
        if price:
            # expect: db-loops/query-in-loop
            db.execute("UPDATE catalog SET price = ? WHERE sku = ?", (price[0], sku))
    db.commit()


def sync_prices_batched(erp, db):
    cur = erp.cursor()
    # expect-none: db-loops
    cur.execute("SELECT item_no, list_price FROM items WHERE active = 1")
    prices = cur.fetchall()
    # expect-none: db-loops
    db.executemany("UPDATE catalog SET price = ? WHERE sku = ?", [(p.list_price, p.item_no) for p in prices])
    db.commit()


def nightly_counts(erp):
    cur = erp.cursor()
    for table in ("orders", "returns", "shipments", "invoices"):
        # expect-none: db-loops
        cur.execute(f"SELECT COUNT(*) FROM dbo.{table}")
        log.info("%s rows: %s", table, cur.fetchone()[0])


def archive_old(erp):
    cur = erp.cursor()
    # expect: db-loops/update-without-where
    cur.execute("DELETE FROM dbo.label_log")
    # expect-none: db-loops
    cur.execute("DELETE FROM dbo.label_log WHERE created < DATEADD(day, -90, GETDATE())")
    erp.commit()


def main():
    db = sqlite3.connect(QUEUE_DB)
    erp = pyodbc.connect(ERP)
    log.info("started %s", datetime.now())
    sync_prices(erp, db)
    export_orders(erp)
    label_worker(db)


if __name__ == "__main__":
    main()
