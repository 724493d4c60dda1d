"""Paged pulls from the ticketing API and the orders table."""
import requests


def pull_tickets(session, base):
    page = 1
    out = []
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        resp = session.get(f"{base}/tickets", params={"page": page})
        out.extend(resp.json()["tickets"])
        page += 1
        if page > 100:
            break
    return out


def copy_orders(cur, sink):
    offset = 0
    # expect: db-loops/paging-loop-without-empty-page-exit
    while True:
        cur.execute("SELECT id, total FROM orders ORDER BY id LIMIT 200 OFFSET %s", (offset,))
        sink.write(cur.fetchall())
        offset += 200
        if sink.full():
            return


def pull_tickets_until_empty(session, base):
    page = 1
    out = []
    # expect-none: db-loops
    while True:
        batch = session.get(f"{base}/tickets", params={"page": page}).json()["tickets"]
        if not batch:
            break
        out.extend(batch)
        page += 1
    return out


def pull_with_token(url):
    token = None
    out = []
    # expect-none: db-loops
    while True:
        body = requests.get(url, params={"pageToken": token}).json()
        out.extend(body["items"])
        token = body.get("nextPageToken")
        if token is None:
            return out


def copy_orders_short_page(cur, sink):
    offset = 0
    # expect-none: db-loops
    while True:
        cur.execute("SELECT id, total FROM orders ORDER BY id LIMIT 200 OFFSET %s", (offset,))
        rows = cur.fetchall()
        sink.write(rows)
        if len(rows) < 200:
            break
        offset += 200
