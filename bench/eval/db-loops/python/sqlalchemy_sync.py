"""Sync shop orders from the Shopify export into the analytics warehouse (SQLAlchemy 2)."""
import os

import pandas as pd
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from models import Customer, Order, Product

engine = create_engine(os.environ["WAREHOUSE_URL"])
TABLES = ["orders", "order_lines", "customers"]


def upsert_orders(orders):
    with Session(engine) as session:
        for o in orders:
            # expect: db-loops/query-in-loop
            existing = session.get(Order, o["id"])
            if existing is None:
                session.add(Order(id=o["id"], total=o["total"], customer_id=o["customer_id"]))
            else:
                existing.total = o["total"]
        session.commit()


def load_products(skus):
    with Session(engine) as session:
        products = []
        for sku in skus:
            # expect: db-loops/query-in-loop
            products.append(session.execute(select(Product).where(Product.sku == sku)).scalar_one_or_none())
        return products


def load_products_batched(skus):
    with Session(engine) as session:
        # expect-none: db-loops
        return session.execute(select(Product).where(Product.sku.in_(skus))).scalars().all()


def customer_emails(orders):
    with engine.connect() as conn:
        emails = []
        for o in orders:
            # expect: db-loops/query-in-loop
            row = conn.execute(text("SELECT email FROM customers WHERE id = :id"), {"id": o["customer_id"]}).first()
            emails.append(row.email if row else None)
        return emails


def row_counts():
    with engine.connect() as conn:
        counts = {}
        for table in TABLES:
            # expect-none: db-loops
            counts[table] = conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()
        return counts


def legacy_lookup(session, customer_ids):
    out = []
    for cid in customer_ids:
        # expect: db-loops/query-in-loop
        out.append(session.query(Customer).filter(Customer.id == cid).one_or_none())
    return out


def legacy_lookup_batched(session, customer_ids):
    # expect-none: db-loops
    return session.query(Customer).filter(Customer.id.in_(customer_ids)).all()


def frames_per_store(store_ids):
    frames = []
    for store_id in store_ids:
        # expect: db-loops/query-in-loop
        frames.append(pd.read_sql("SELECT * FROM orders WHERE store_id = %(s)s", engine, params={"s": store_id}))
    return pd.concat(frames)


def frames_all_stores(store_ids):
    # expect-none: db-loops
    return pd.read_sql("SELECT * FROM orders WHERE store_id = ANY(%(s)s)", engine, params={"s": list(store_ids)})


def monthly_frames():
    frames = []
    for month in range(1, 13):
        # expect-none: db-loops
        frames.append(pd.read_sql_query(f"SELECT * FROM orders WHERE month = {month}", engine))
    return frames


def bulk_insert(rows):
    with engine.begin() as conn:
        # expect-none: db-loops
        conn.execute(text("INSERT INTO staging_orders (id, total) VALUES (:id, :total)"), rows)
