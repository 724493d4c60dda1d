# Monthly KPI extracts for the regional managers.
# Connects to the ERP (SQL Server), the warehouse (Postgres) and the web shop (MySQL).
import os
import urllib.parse

import mysql.connector
import pandas as pd
import psycopg2
import pymssql
import pyodbc
from sqlalchemy import create_engine

# expect: credentials/connection-string-password
WAREHOUSE_URL = "postgresql://kpi_reader:FLc!UtfV^6wQL@warehouse.acme-internal.com:5432/kpi"
# expect-none: credentials
WAREHOUSE_URL_DOCS = "postgresql://<user>:<password>@warehouse.example.com:5432/kpi"
# expect-none: credentials
LOCAL_URL = "postgresql://postgres:${PGPASSWORD}@localhost:5432/kpi"
# expect-none: credentials
ENGINE_URL = os.environ["WAREHOUSE_URL"]


def warehouse():
    # expect: credentials/hardcoded-password
    return psycopg2.connect(host="warehouse.acme-internal.com", dbname="kpi", user="kpi_reader", password="YEEId!AvyZ!u9")


def warehouse_from_env():
    # expect-none: credentials
    return psycopg2.connect(host="warehouse.acme-internal.com", dbname="kpi", user="kpi_reader", password=os.environ["PGPASSWORD"])


def shop():
    # expect: credentials/hardcoded-password
    return mysql.connector.connect(host="10.4.2.18", user="shop_ro", passwd="ijT-Iwi6^Aw", database="shop")


def shop_engine():
    # expect: credentials/connection-string-password
    return create_engine("mysql+pymysql://shop_ro:lOn*kBV12_8oJ@10.4.2.18/shop")


def erp():
    # expect: credentials/connection-string-password
    conn_str = "DRIVER={ODBC Driver 17 for SQL Server};SERVER=erp01;DATABASE=ERP;UID=report;PWD=EJm=Ov8Pz+aA"
    return pyodbc.connect(conn_str)


def erp_trusted():
    # expect-none: credentials
    return pyodbc.connect("DRIVER={ODBC Driver 17 for SQL Server};SERVER=erp01;DATABASE=ERP;Trusted_Connection=yes")


def erp_legacy():
    # expect: credentials/hardcoded-password
    return pymssql.connect(server="erp01", user="report", password="dvOe&97MHb-dY", database="ERP")


def erp_env():
    pw = os.environ.get("ERP_PASSWORD")
    # expect-none: credentials
    return pymssql.connect(server="erp01", user="report", password=pw, database="ERP")


def quoted_url():
    # expect-none: credentials
    pwd = urllib.parse.quote_plus(os.environ["MONGO_PASSWORD"])
    # expect-none: credentials
    return f"mongodb+srv://kpi:{pwd}@cluster0.abcde.mongodb.net/kpi"


def mongo_reports():
    from pymongo import MongoClient
    # expect: credentials/connection-string-password
    client = MongoClient("mongodb+srv://kpi_app:pgCn^M4n.ag@cluster0.x1y2z.mongodb.net/kpi?retryWrites=true&w=majority")
    return client.kpi.reports


def cache():
    import redis
    # expect: credentials/connection-string-password
    return redis.Redis.from_url("redis://:mjz.iQTWa.Uo7x@cache.acme-internal.com:6379/0")


def monthly_revenue(month):
    sql = """
        SELECT region, SUM(amount) AS revenue
        FROM sales
        WHERE date_trunc('month', booked_at) = %s
        GROUP BY region
    """
    with warehouse() as conn:
        return pd.read_sql(sql, conn, params=(month,))


def password_policy_report():
    # expect-none: credentials
    password_field = "password"
    # expect-none: credentials
    password_label = "Password (at least 12 characters)"
    # expect-none: credentials
    PASSWORD_RESET_URL = "https://erp.acme-internal.com/account/reset"
    sql = f"SELECT user_name, {password_field}_changed_at FROM users WHERE locked = 0"
    with warehouse() as conn:
        return pd.read_sql(sql, conn)


def export(df, name):
    # expect-none: credentials
    sftp_password = None
    # expect-none: credentials
    sftp_key_path = "/home/kpi/.ssh/id_ed25519"
    df.to_csv(f"/srv/kpi/{name}.csv", index=False)
    # expect: credentials/connection-string-password
    target = "sftp://kpi_drop:zjY*vB8Si^I4@files.partner-logistics.com/inbound/"
    return target
