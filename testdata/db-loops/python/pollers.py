"""Queue workers the ops team runs on the reporting VM."""
import asyncio
import time

import requests


def watch_new_orders(conn):
    cur = conn.cursor()
    # expect: db-loops/unbounded-polling-loop
    while True:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute("SELECT id FROM orders WHERE exported = false")
        for (order_id,) in cur.fetchall():
            print("new order", order_id)


def watch_with_sleep(conn):
    cur = conn.cursor()
    while True:
        cur.execute("SELECT id FROM orders WHERE exported = false LIMIT 100")
        rows = cur.fetchall()
        if not rows:
            time.sleep(30)


def drain_queue(conn):
    cur = conn.cursor()
    while True:
        cur.execute("DELETE FROM job_queue WHERE id IN (SELECT id FROM job_queue LIMIT 500)")
        if cur.rowcount == 0:
            break
        conn.commit()


def ping_status_page():
    # expect: db-loops/unbounded-polling-loop
    while 1:
        resp = requests.get("https://api.example.com/v1/status")
        print(resp.json())


async def async_poll(pool):
    while True:
        async with pool.acquire() as conn:
            await conn.execute("UPDATE heartbeats SET seen_at = now() WHERE worker = 'exporter'")
        await asyncio.sleep(10)


def spin_counter():
    count = 0
    while True:
        count += 1
        print(count)
