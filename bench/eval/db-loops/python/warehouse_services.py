"""Warehouse services: a class of helpers, SQL kept in variables, Django reports."""
import time

import psycopg2
from stock.models import Bin, Pallet, Transfer

conn = psycopg2.connect("dbname=warehouse")


class StockService:
    def __init__(self):
        self.cur = conn.cursor()

    def on_hand(self, sku):
        self.cur.execute("SELECT qty FROM stock WHERE sku = %s", (sku,))
        return self.cur.fetchone()[0]

    def sku_label(self, sku):
        return sku.upper()

    def reorder_list(self, skus):
        low = []
        for sku in skus:
            # expect: db-loops/query-in-loop
            if self.on_hand(sku) < 10:
                low.append(sku)
        return low

    def labels(self, skus):
        # expect-none: db-loops
        return [self.sku_label(s) for s in skus]

    def totals(self, skus):
        # expect: db-loops/query-in-loop
        return {s: self.on_hand(s) for s in skus}


def zone_counts():
    cur = conn.cursor()
    zones = ("A", "B", "C")
    counts = {}
    for z in zones:
        # expect-none: db-loops
        cur.execute("SELECT count(*) FROM bins WHERE zone = %s", (z,))
        counts[z] = cur.fetchone()[0]
    return counts


def follow_transfers():
    cur = conn.cursor()
    query = "SELECT * FROM transfers WHERE state = 'queued'"
    while True:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute(query)
        for row in cur.fetchall():
            print(row)
        time.sleep(15)


def follow_transfers_paged():
    cur = conn.cursor()
    query = "SELECT * FROM transfers WHERE state = 'queued' ORDER BY id LIMIT 200"
    while True:
        # expect-none: db-loops
        cur.execute(query)
        time.sleep(15)


def clear_scratch():
    cur = conn.cursor()
    # expect: db-loops/update-without-where
    stmt = "UPDATE pallets SET reserved = false"
    cur.execute(stmt)
    stmt2 = "UPDATE pallets SET reserved = false WHERE reserved_until < now()"
    # expect-none: db-loops
    cur.execute(stmt2)


def pallet_report():
    # expect: db-loops/lazy-related-access-in-loop
    for p in Pallet.objects.filter(active=True):
        print(p.id, p.bin.aisle, p.bin.level)


def pallet_report_joined():
    # expect-none: db-loops
    for p in Pallet.objects.filter(active=True).select_related("bin"):
        print(p.id, p.bin.aisle)


def transfer_report():
    # expect-none: db-loops
    for t in Transfer.objects.all():
        print(t.reference.upper(), t.created_at.date())


def bin_report():
    # expect: db-loops/lazy-related-access-in-loop
    for b in Bin.objects.order_by("aisle"):
        print(b.aisle, b.pallets.count())
