"""Nightly exports and CRM/billing syncs the operations team wrote over time (paged reads)."""
import time

import httpx
import pandas as pd
import requests

PAGE_SIZE = 500


def post_to_ledger(order_id, total):
    print(order_id, total)


def export_events(cur, out):
    offset = 0
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        cur.execute("SELECT id, kind, payload FROM events ORDER BY id LIMIT 500 OFFSET %s", (offset,))
        for row in cur.fetchall():
            out.write(row)
        offset += 500
        if offset >= 2_000_000:
            break


def fetch_all_tickets(session, base):
    tickets = []
    page = 1
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        resp = session.get(f"{base}/api/v2/tickets", params={"page": page, "per_page": 100})
        resp.raise_for_status()
        tickets.extend(resp.json()["tickets"])
        page += 1
        if page > 200:
            break
    return tickets


def find_customer_by_email(email):
    page = 0
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        data = requests.get("https://crm.example.com/api/customers", params={"page": page}).json()
        for customer in data["results"]:
            if customer["email"] == email:
                return customer
        page += 1


def backfill_orders(cur, deadline):
    offset = 0
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        cur.execute("SELECT id, total FROM orders ORDER BY id LIMIT 1000 OFFSET %s", (offset,))
        rows = cur.fetchall()
        for order_id, total in rows:
            post_to_ledger(order_id, total)
        offset += len(rows)
        if time.time() > deadline:
            break


def reindex_products(db, search, limit=50000):
    skip = 0
    processed = 0
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        docs = list(db.products.find({}, {"name": 1}).skip(skip).limit(100))
        search.index_many(docs)
        processed += len(docs)
        skip += 100
        if processed >= limit:
            break


def dump_table(engine, writer, max_pages=1000):
    page = 0
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        frame = pd.read_sql("SELECT * FROM audit_log ORDER BY id LIMIT 10000 OFFSET %(o)s", engine, params={"o": page * 10000})
        writer.append(frame)
        page += 1
        if page == max_pages:
            break


def pull_invoices():
    page = 1
    invoices = []
    # expect: db-loops/paging-loop-without-empty-page-exit
    while 1:
        try:
            r = httpx.get("https://billing.example.com/api/invoices", params={"page": page})
        except httpx.HTTPError:
            break
        invoices += r.json()["data"]
        page += 1
    return invoices


def iter_members(api_key):
    page = 1
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        resp = requests.get("https://api.mailer.example/v3/members", params={"page": page}, headers={"Authorization": api_key})
        yield from resp.json()["members"]
        page += 1
        if page > 500:
            return


# --- paged reads that stop when the data ends --------------------------------------------------


def export_events_until_empty(cur, out):
    offset = 0
    # expect-none: db-loops
    while True:
        cur.execute("SELECT id, kind, payload FROM events ORDER BY id LIMIT 500 OFFSET %s", (offset,))
        rows = cur.fetchall()
        if not rows:
            break
        out.write_many(rows)
        offset += len(rows)


def fetch_all_tickets_short_page(session, base):
    tickets = []
    page = 1
    # expect-none: db-loops
    while True:
        resp = session.get(f"{base}/api/v2/tickets", params={"page": page, "per_page": 100})
        batch = resp.json()["tickets"]
        tickets.extend(batch)
        if len(batch) < 100:
            break
        page += 1
    return tickets


def follow_next_links(url):
    results = []
    page = 1
    # expect-none: db-loops
    while True:
        data = requests.get(url, params={"page": page}).json()
        results.extend(data["results"])
        if not data["next"]:
            break
        page += 1
    return results


def list_charges(client):
    charges = []
    starting_after = None
    # expect-none: db-loops
    while True:
        body = client.get("https://api.payments.example/v1/charges", params={"limit": 100, "starting_after": starting_after}).json()
        charges.extend(body["data"])
        if not body.get("has_more"):
            break
        starting_after = body["data"][-1]["id"]
    return charges


def list_drive_files(session):
    files = []
    page_token = None
    # expect-none: db-loops
    while True:
        data = session.get("https://www.googleapis.com/drive/v3/files", params={"pageToken": page_token}).json()
        files.extend(data.get("files", []))
        page_token = data.get("nextPageToken")
        if page_token is None:
            break
    return files


def read_all_pages(session, base):
    out = []
    page = 1
    # expect-none: db-loops
    while True:
        body = session.get(f"{base}/api/people", params={"page": page}).json()
        out.extend(body["items"])
        if page >= body["total_pages"]:
            break
        page += 1
    return out


def drain_rows(cur):
    seen = []
    last_id = 0
    # expect-none: db-loops
    while True:
        cur.execute("SELECT id, email FROM subscribers WHERE id > %s ORDER BY id LIMIT 1000", (last_id,))
        batch = cur.fetchall()
        if batch:
            seen.extend(batch)
            last_id = batch[-1][0]
        else:
            break
    return seen


def collect_pages(session, base):
    pages = []
    page = 1
    # expect-none: db-loops
    while True:
        resp = session.get(f"{base}/api/assets", params={"page": page})
        items = resp.json()
        if len(items) == 0:
            return pages
        pages.append(items)
        page += 1


def crawl_until_missing(session, base):
    page = 1
    seen = []
    # expect-none: db-loops
    while True:
        resp = session.get(f"{base}/archive/{page}.json")
        if resp.status_code == 404:
            break
        seen.append(resp.json())
        page += 1
    return seen


def sync_until_done(cur, sink):
    offset = 0
    # expect-none: db-loops
    while True:
        cur.execute("SELECT id, body FROM notes ORDER BY id LIMIT 200 OFFSET %s", (offset,))
        rows = cur.fetchall()
        sink.send(rows)
        done = len(rows) < 200
        offset += 200
        if done:
            break


def heartbeat(cur, stop_event):
    # expect-none: db-loops
    while True:
        cur.execute("UPDATE workers SET seen_at = now() WHERE name = 'sync'")
        if stop_event.is_set():
            break
        time.sleep(30)
