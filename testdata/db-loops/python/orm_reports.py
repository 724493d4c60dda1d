"""Monthly account manager report (Django shell script + a pandas export)."""
import pandas as pd
from django.db.models import Count, Sum
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from crm.models import Account, Invoice, Manager, Note

TABLES = ["accounts", "invoices", "notes"]


def manager_report(managers):
    lines = []
    for manager in managers:
        # expect: db-loops/query-in-loop
        accounts = Account.objects.filter(manager_id=manager.id)
        # expect: db-loops/query-in-loop
        total = Invoice.objects.filter(account__manager=manager).aggregate(Sum("amount"))
        lines.append((manager.name, accounts.count(), total))
    return lines


def manager_report_fast():
    # Aggregation in one query, then loop over plain Python data.
    rows = (
        Manager.objects.annotate(n_accounts=Count("account"), total=Sum("account__invoice__amount"))
        .values("name", "n_accounts", "total")
    )
    return [(r["name"], r["n_accounts"], r["total"]) for r in rows]


def accounts_by_ids(ids):
    accounts = Account.objects.in_bulk(ids)
    notes = Note.objects.filter(account_id__in=ids)
    by_account = {}
    for note in notes:
        by_account.setdefault(note.account_id, []).append(note.text)
    return {i: (accounts.get(i), by_account.get(i, [])) for i in ids}


def create_notes(account_ids, text_value):
    Note.objects.bulk_create([Note(account_id=a, text=text_value) for a in account_ids])
    for account_id in account_ids:
        # expect: db-loops/query-in-loop
        Note.objects.create(account_id=account_id, text=text_value)


def sqlalchemy_export(engine, user_ids):
    with Session(engine) as session:
        users = session.scalars(select(User).where(User.id.in_(user_ids))).all()
        for user_id in user_ids:
            # expect: db-loops/query-in-loop
            user = session.get(User, user_id)
            # expect: db-loops/query-in-loop
            orders = session.query(Order).filter(Order.user_id == user_id).all()
            print(user, orders)
        return users


def frames_per_region(engine, regions):
    frames = []
    for region in regions:
        # expect: db-loops/query-in-loop
        frames.append(pd.read_sql(text("SELECT * FROM sales WHERE region = :r"), engine, params={"r": region}))
    everything = pd.read_sql("SELECT * FROM sales", engine)
    for region, group in everything.groupby("region"):
        print(region, group["amount"].sum())
    return frames


def row_counts(engine):
    counts = {}
    with engine.connect() as conn:
        for table_name in TABLES:
            counts[table_name] = conn.execute(text(f"SELECT COUNT(*) FROM {table_name}")).scalar()
    return counts


def mongo_enrich(db, orders):
    customers = {c["_id"]: c for c in db.customers.find({"_id": {"$in": [o["customer_id"] for o in orders]}})}
    for order in orders:
        # expect: db-loops/query-in-loop
        customer = db.customers.find_one({"_id": order["customer_id"]})
        order["customer"] = customer or customers.get(order["customer_id"])
        # expect: db-loops/query-in-loop
        db["orders"].update_one({"_id": order["_id"]}, {"$set": {"enriched": True}})
    db.orders.insert_many(orders)
    return orders


STATUS_URL = "https://status.example.com/lines"


def parse_lines(lines, http):
    # Not database calls: str.find, dict.get and a requests session (an HTTP call per line is a
    # paid/rate-limited API call in a loop).
    found = []
    for line in lines:
        pos = line.find("INV-")
        if pos >= 0:
            found.append(line[pos:pos + 10])
        meta = {"line": line}.get("line")
        # expect: db-loops/api-call-in-loop
        resp = http.get("https://status.example.com/ping")
        page = http.get(STATUS_URL, params={"line": line})
        print(meta, resp.status_code, page.ok)
    return found


class Account:
    pass


User = Order = Account
