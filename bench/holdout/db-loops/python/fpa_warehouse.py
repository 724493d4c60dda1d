"""FP&A warehouse refresh: migrations, budget vs actuals, region workbooks.

Owner: finance planning. Runs from the shared notebook server every morning.
"""
import os
import time
from pathlib import Path

import pandas as pd
import pymysql
import sqlite3
from sqlalchemy import create_engine

ENGINE = create_engine(os.environ.get("FPA_DB", "mysql+pymysql://fpa@warehouse/fpa"))
OUT = Path(os.environ.get("FPA_OUT", "/srv/share/fpa"))
REGIONS = ["NA", "EMEA", "APAC", "LATAM"]
AUDIT_TABLES = ["budget_lines", "actuals", "forecasts"]


class Warehouse:
    def __init__(self):
        self.conn = pymysql.connect(
            host=os.environ.get("WH_HOST", "warehouse"), user="fpa",
            password=os.environ.get("WH_PASSWORD", ""), database="fpa",
        )

    def cost_center_name(self, code):
        with self.conn.cursor() as c:
            c.execute("SELECT name FROM cost_centers WHERE code = %s", (code,))
            row = c.fetchone()
        return row[0] if row else code

    def label_lines(self, lines):
        labelled = []
        for line in lines:
            # expect: db-loops/query-in-loop
            labelled.append((self.cost_center_name(line["cc"]), line["amount"]))
        return labelled

    def names_for(self, codes):
        with self.conn.cursor() as c:
            # expect-none: db-loops
            c.execute("SELECT code, name FROM cost_centers WHERE code IN %s", (tuple(codes),))
            return dict(c.fetchall())

    def add_audit_columns(self):
        with self.conn.cursor() as c:
            for table in AUDIT_TABLES:
                # expect-none: db-loops
                c.execute(f"ALTER TABLE {table} ADD COLUMN loaded_at DATETIME NULL")
                # expect-none: db-loops
                c.execute(f"CREATE INDEX ix_{table}_loaded ON {table} (loaded_at)")
        self.conn.commit()

    def backfill_loaded_at(self):
        with self.conn.cursor() as c:
            for table in ("budget_lines", "actuals"):
                # expect-none: db-loops
                c.execute(f"UPDATE {table} SET loaded_at = NOW() WHERE loaded_at IS NULL")
        self.conn.commit()

    def wipe_forecasts(self):
        with self.conn.cursor() as c:
            # expect: db-loops/update-without-where
            c.execute("DELETE FROM forecasts")
            # expect-none: db-loops
            c.execute("DELETE FROM forecasts WHERE version = 'draft'")
        self.conn.commit()

    def save_variances(self, variances):
        with self.conn.cursor() as c:
            for (cc, month), value in variances.items():
                # expect: db-loops/query-in-loop
                c.execute("INSERT INTO variances (cc, month, value) VALUES (%s, %s, %s)", (cc, month, value))
        self.conn.commit()

    def save_variances_batched(self, variances):
        with self.conn.cursor() as c:
            # expect-none: db-loops
            c.executemany(
                "INSERT INTO variances (cc, month, value) VALUES (%s, %s, %s)",
                [(cc, m, v) for (cc, m), v in variances.items()],
            )
        self.conn.commit()


def region_workbooks():
    for region in REGIONS:
        # expect-none: db-loops
        df = pd.read_sql("SELECT * FROM actuals WHERE region = %(r)s", ENGINE, params={"r": region})
        df.to_excel(OUT / f"actuals_{region}.xlsx", index=False)


def cost_center_workbooks(cost_centers):
    for cc in cost_centers:
        # expect: db-loops/query-in-loop
        df = pd.read_sql_query(f"SELECT month, account, amount FROM actuals WHERE cc = '{cc}'", ENGINE)
        df.to_csv(OUT / f"cc_{cc}.csv", index=False)


def monthly_matrix(accounts, months):
    cells = {}
    for acct in accounts:
        for month in months:
            # expect: db-loops/query-in-loop
            cells[(acct, month)] = pd.read_sql("SELECT SUM(amount) AS s FROM actuals WHERE account = %s AND month = %s", ENGINE, params=(acct, month))["s"][0]
    return cells


def monthly_matrix_fast():
    # expect-none: db-loops
    df = pd.read_sql("SELECT account, month, SUM(amount) AS s FROM actuals GROUP BY account, month", ENGINE)
    return df.pivot(index="account", columns="month", values="s")


def actual_for(cc):
    return pd.read_sql("SELECT SUM(amount) AS s FROM actuals WHERE cc = %s", ENGINE, params=(cc,))["s"][0]


def variance_by_row(budget: pd.DataFrame):
    actuals = []
    for cc in budget["cc"]:
        # expect: db-loops/query-in-loop
        actuals.append(actual_for(cc))
    budget["actual"] = actuals
    budget["variance"] = budget["actual"] - budget["amount"]
    return budget


def reporting_chain(conn, cc_code):
    # expect: db-loops/recursive-cte-without-limit
    return pd.read_sql("WITH RECURSIVE up AS (SELECT code, parent FROM cost_centers WHERE code = %s UNION ALL SELECT p.code, p.parent FROM cost_centers p JOIN up ON p.code = up.parent) SELECT code FROM up", conn, params=(cc_code,))


def reporting_chain_bounded(conn, cc_code):
    # expect-none: db-loops
    return pd.read_sql("WITH RECURSIVE up AS (SELECT code, parent, 0 AS lvl FROM cost_centers WHERE code = %s UNION ALL SELECT p.code, p.parent, up.lvl + 1 FROM cost_centers p JOIN up ON p.code = up.parent WHERE up.lvl < 12) SELECT code FROM up", conn, params=(cc_code,))


def local_snapshot(rows):
    lite = sqlite3.connect(OUT / "snapshot.db")
    # expect-none: db-loops
    lite.executemany("INSERT INTO snap (cc, amount) VALUES (?, ?)", rows)
    lite.commit()
    present = set()
    for cc, _ in rows:
        # expect: db-loops/query-in-loop
        if lite.execute("SELECT 1 FROM approvals WHERE cc = ?", (cc,)).fetchone():
            present.add(cc)
    return present


def wait_for_load(engine, run_id, tries=30):
    for _ in range(tries):
        # expect-none: db-loops
        status = pd.read_sql("SELECT status FROM etl_runs WHERE id = %s", engine, params=(run_id,))["status"][0]
        if status == "done":
            return True
        time.sleep(20)
    return False


def wait_for_load_busy(engine, run_id):
    # expect: db-loops/unbounded-polling-loop
    while True:
        status = pd.read_sql("SELECT status FROM etl_runs WHERE id = %s", engine, params=(run_id,))["status"][0]
        print("etl status:", status)


def main():
    wh = Warehouse()
    wh.add_audit_columns()
    region_workbooks()
    budget = pd.read_excel(OUT / "budget.xlsx")
    variance_by_row(budget).to_excel(OUT / "variance.xlsx", index=False)


if __name__ == "__main__":
    main()
