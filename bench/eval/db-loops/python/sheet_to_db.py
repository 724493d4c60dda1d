"""Load the weekly Excel upload from the sales team into Postgres, then push totals to Airtable."""
import os

import pandas as pd
import psycopg2
import requests

AIRTABLE = "https://api.airtable.com/v0/appXYZ/Totals"
conn = psycopg2.connect(os.environ["SALES_DB"])


def load_upload(path):
    df = pd.read_excel(path)
    cur = conn.cursor()
    for _, row in df.iterrows():
        try:
            # expect: db-loops/query-in-loop
            cur.execute("INSERT INTO weekly_sales (rep, region, amount) VALUES (%s, %s, %s)",
                        (row["Rep"], row["Region"], row["Amount"]))
        except psycopg2.IntegrityError:
            conn.rollback()
    conn.commit()


def load_upload_batched(path):
    df = pd.read_excel(path)
    cur = conn.cursor()
    # expect-none: db-loops
    cur.executemany("INSERT INTO weekly_sales (rep, region, amount) VALUES (%s, %s, %s)",
                    list(df[["Rep", "Region", "Amount"]].itertuples(index=False, name=None)))
    conn.commit()


def rep_targets(df):
    cur = conn.cursor()
    targets = []
    for idx, rep in enumerate(df["Rep"].unique()):
        # expect: db-loops/query-in-loop
        cur.execute("SELECT target FROM quotas WHERE rep = %s", (rep,))
        targets.append((idx, rep, cur.fetchone()))
    return targets


def region_managers(df):
    cur = conn.cursor()
    out = {}
    for region, group in df.groupby("Region"):
        with conn:
            # expect: db-loops/query-in-loop
            cur.execute("SELECT manager FROM regions WHERE name = %s", (region,))
            out[region] = (cur.fetchone()[0], group["Amount"].sum())
    return out


def commissions(reps, rates):
    cur = conn.cursor()
    for rep, rate in zip(reps, rates):
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE reps SET commission_rate = %s WHERE name = %s", (rate, rep))
    conn.commit()


def per_rep_per_month(reps):
    cur = conn.cursor()
    for rep in reps:
        for month in range(1, 13):
            # expect: db-loops/query-in-loop
            cur.execute("SELECT SUM(amount) FROM weekly_sales WHERE rep = %s AND month = %s", (rep, month))


def push_totals(totals):
    for region, amount in totals.items():
        # expect: db-loops/api-call-in-loop
        requests.post(AIRTABLE, json={"fields": {"Region": region, "Amount": amount}},
                      headers={"Authorization": f"Bearer {os.environ['AIRTABLE_TOKEN']}"})


def push_totals_batched(totals):
    records = [{"fields": {"Region": r, "Amount": a}} for r, a in totals.items()]
    for start in range(0, len(records), 10):
        # expect-none: db-loops
        requests.post(AIRTABLE, json={"records": records[start:start + 10]},
                      headers={"Authorization": f"Bearer {os.environ['AIRTABLE_TOKEN']}"})


def region_names(ids):
    cur = conn.cursor()
    for rid in ids:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT name FROM regions WHERE id = %s", (rid,))
        yield cur.fetchone()[0]


def reps_by_ids(ids):
    cur = conn.cursor()
    # expect-none: db-loops
    cur.execute("SELECT * FROM reps WHERE id IN %s", (tuple(ids),))
    return cur.fetchall()


def print_rows(rows):
    for row in rows:
        # expect-none: db-loops
        print(row["Rep"], row["Amount"])


def notion_pages(database_ids):
    out = []
    for dbid in database_ids:
        # expect: db-loops/api-call-in-loop
        r = requests.post(f"https://api.notion.com/v1/databases/{dbid}/query",
                          headers={"Authorization": f"Bearer {os.environ['NOTION_TOKEN']}", "Notion-Version": "2022-06-28"})
        out.extend(r.json()["results"])
    return out


def cursor_per_row(rows):
    for row in rows:
        # expect: db-loops/query-in-loop
        conn.cursor().execute("DELETE FROM weekly_sales WHERE id = %s", (row["id"],))
    conn.commit()


def values_by_key(keys):
    cur = conn.cursor()
    results = []
    for k in sorted(keys):
        if k.startswith("_"):
            continue
        # expect: db-loops/query-in-loop
        cur.execute("SELECT value FROM settings WHERE key = %s", (k,))
        results.append(cur.fetchone())
    return results


def reset_week():
    cur = conn.cursor()
    # expect: db-loops/update-without-where
    cur.execute("DELETE FROM weekly_sales")
    # expect-none: db-loops
    cur.execute("DELETE FROM weekly_sales WHERE week < date_trunc('week', now()) - interval '8 weeks'")
    # expect: db-loops/update-without-where
    cur.execute("UPDATE reps SET commission_rate = 0.05")
    # expect-none: db-loops
    cur.execute("UPDATE reps SET commission_rate = 0.05 WHERE commission_rate IS NULL")
    conn.commit()
