"""Inventory reconciliation between the warehouse app (MongoDB) and the ERP export."""
import os
import time

import redis
from pymongo import MongoClient, UpdateOne

client = MongoClient(os.environ["MONGO_URL"])
db = client["inventory"]
cache = redis.Redis.from_url(os.environ["REDIS_URL"])
WAREHOUSES = ("north", "south")


def stock_levels(skus):
    levels = {}
    for sku in skus:
        # expect: db-loops/query-in-loop
        doc = db.stock.find_one({"sku": sku})
        levels[sku] = doc["qty"] if doc else 0
    return levels


def stock_levels_batched(skus):
    # expect-none: db-loops
    return {d["sku"]: d["qty"] for d in db.stock.find({"sku": {"$in": list(skus)}})}


def apply_erp_counts(erp_rows):
    for row in erp_rows:
        # expect: db-loops/query-in-loop
        db.stock.update_one({"sku": row["sku"]}, {"$set": {"qty": row["qty"]}}, upsert=True)


def apply_erp_counts_bulk(erp_rows):
    ops = [UpdateOne({"sku": r["sku"]}, {"$set": {"qty": r["qty"]}}, upsert=True) for r in erp_rows]
    # expect-none: db-loops
    db.stock.bulk_write(ops, ordered=False)


def movements_per_warehouse():
    out = {}
    for wh in WAREHOUSES:
        # expect-none: db-loops
        out[wh] = db.movements.count_documents({"warehouse": wh})
    return out


def supplier_names(items):
    names = []
    for item in items:
        # expect: db-loops/query-in-loop
        supplier = client.erp.suppliers.find_one({"_id": item["supplier_id"]}, {"name": 1})
        names.append(supplier["name"])
    return names


def archive_old(items):
    for item in items:
        # expect: db-loops/query-in-loop
        db["stock_archive"].insert_one(item)
        # expect: db-loops/query-in-loop
        db["stock"].delete_one({"_id": item["_id"]})


def archive_old_bulk(items):
    # expect-none: db-loops
    db["stock_archive"].insert_many(items)
    # expect-none: db-loops
    db["stock"].delete_many({"_id": {"$in": [i["_id"] for i in items]}})


def cached_prices(skus):
    prices = {}
    for sku in skus:
        # expect: db-loops/query-in-loop
        prices[sku] = cache.hget("prices", sku)
    return prices


def cached_prices_batched(skus):
    # expect-none: db-loops
    return dict(zip(skus, cache.hmget("prices", list(skus))))


def watch_low_stock():
    # expect: db-loops/unbounded-polling-loop
    while True:
        low = list(db.stock.find({"qty": {"$lt": 5}}))
        for doc in low:
            print("low stock", doc["sku"])


def watch_low_stock_politely(max_rounds=288):
    rounds = 0
    # expect-none: db-loops
    while rounds < max_rounds:
        low = list(db.stock.find({"qty": {"$lt": 5}}).limit(100))
        print(len(low), "low")
        rounds += 1
        time.sleep(300)


def drain_reservations():
    # expect-none: db-loops
    while True:
        doc = db.reservations.find_one_and_delete({"expired": True})
        if doc is None:
            break
        print("released", doc["_id"])
