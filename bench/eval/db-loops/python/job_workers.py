"""Background workers the data team runs under supervisord on the reporting VM."""
import asyncio
import os
import time

import httpx
import psycopg2
import requests

STATUS_URL = "https://status.internal.example.com/api/health"


def conn():
    return psycopg2.connect(os.environ["JOBS_DB"])


def email_queue_worker():
    c = conn()
    cur = c.cursor()
    # expect: db-loops/unbounded-polling-loop
    while True:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute("SELECT id, payload FROM email_queue WHERE sent_at IS NULL")
        for job_id, payload in cur.fetchall():
            send(payload)
            # expect: db-loops/query-in-loop
            cur.execute("UPDATE email_queue SET sent_at = now() WHERE id = %s", (job_id,))
        c.commit()


def email_queue_worker_fixed():
    c = conn()
    cur = c.cursor()
    # expect-none: db-loops
    while True:
        cur.execute("SELECT id, payload FROM email_queue WHERE sent_at IS NULL LIMIT 50")
        jobs = cur.fetchall()
        if not jobs:
            time.sleep(15)
            continue
        cur.executemany("UPDATE email_queue SET sent_at = now() WHERE id = %s", [(j[0],) for j in jobs])
        c.commit()


def health_spinner():
    # expect: db-loops/unbounded-polling-loop
    while True:
        r = requests.get(STATUS_URL, timeout=5)
        if r.status_code != 200:
            print("DOWN", r.status_code)


def health_checker(interval=60):
    # expect-none: db-loops
    while True:
        r = requests.get(STATUS_URL, timeout=5)
        print(r.status_code)
        time.sleep(interval)


async def async_export_poller(pool):
    # expect: db-loops/unbounded-polling-loop
    while True:
        async with pool.acquire() as connection:
            rows = await connection.fetch("SELECT id FROM exports WHERE state = 'ready'")
            await connection.execute("UPDATE exports SET state = 'picked' WHERE id = ANY($1)", [r["id"] for r in rows])


async def async_export_poller_fixed(pool):
    # expect-none: db-loops
    while True:
        async with pool.acquire() as connection:
            await connection.execute("UPDATE exports SET state = 'picked' WHERE state = 'ready'")
        await asyncio.sleep(20)


def wait_for_job(job_id, timeout=600):
    c = conn()
    cur = c.cursor()
    deadline = time.monotonic() + timeout
    # expect-none: db-loops
    while time.monotonic() < deadline:
        cur.execute("SELECT state FROM jobs WHERE id = %s", (job_id,))
        if cur.fetchone()[0] == "done":
            return True
        time.sleep(5)
    return False


def counter_loop():
    n = 0
    # expect-none: db-loops
    while True:
        n += 1
        if n > 1_000_000:
            break


def httpx_status_spinner(client: httpx.Client):
    # expect: db-loops/unbounded-polling-loop
    while 1:
        resp = client.get("/v2/queue/depth")
        print(resp.json()["depth"])


def send(payload):
    print(payload)
