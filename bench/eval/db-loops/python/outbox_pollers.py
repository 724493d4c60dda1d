"""Outbox and webhook relays the integrations team runs as systemd services."""
import time

import psycopg2


def conn():
    return psycopg2.connect("dbname=integrations")


def relay_webhooks(http):
    c = conn()
    cur = c.cursor()
    while True:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute("SELECT id, url, body FROM webhook_outbox WHERE delivered = false ORDER BY created_at")
        for hook_id, url, body in cur.fetchall():
            http.post(url, data=body)
        c.commit()
        time.sleep(20)


def mirror_prices(shop):
    c = conn()
    cur = c.cursor()
    while shop.is_open():
        # expect: db-loops/unbounded-read-in-loop
        cur.execute("SELECT sku, price FROM prices")
        shop.update_prices(cur.fetchall())
        time.sleep(600)


def relay_webhooks_paged(http):
    c = conn()
    cur = c.cursor()
    while True:
        # expect-none: db-loops
        cur.execute("SELECT id, url, body FROM webhook_outbox WHERE delivered = false ORDER BY id LIMIT 200")
        batch = cur.fetchall()
        if not batch:
            time.sleep(20)
            continue
        for hook_id, url, body in batch:
            http.post(url, data=body)


def wait_for_export(export_id):
    c = conn()
    cur = c.cursor()
    state = "pending"
    while state != "done":
        # expect-none: db-loops
        cur.execute("SELECT state FROM exports WHERE export_id = %s", (export_id,))
        state = cur.fetchone()[0]
        time.sleep(5)


def queue_depth_gauge(metrics):
    c = conn()
    cur = c.cursor()
    while True:
        # expect-none: db-loops
        cur.execute("SELECT count(*) FROM webhook_outbox WHERE delivered = false")
        metrics.gauge("outbox.depth", cur.fetchone()[0])
        time.sleep(30)
