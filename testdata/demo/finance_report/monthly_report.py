"""Monthly revenue report: pulls invoices from the finance database and mails a CSV to the team.

Written by Dana (FP&A) with help from an AI assistant. Runs on the shared VM via cron.
"""
import csv
import os
import smtplib
import time
from email.message import EmailMessage

import psycopg2

DB_HOST = "finance-db.internal"
DB_USER = "report_bot"
# expect: credentials/hardcoded-password
DB_PASSWORD = "Spr1ngQuarter!2024"
REPORT_DIR = os.environ.get("REPORT_DIR", "/tmp")
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY")


def load_customers(conn):
    cur = conn.cursor()
    cur.execute("SELECT id, name, email, ssn, date_of_birth FROM customers WHERE active")
    return cur.fetchall()


def invoice_totals(conn, customers):
    cur = conn.cursor()
    totals = {}
    for customer in customers:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT SUM(amount) FROM invoices WHERE customer_id = %s", (customer[0],))
        totals[customer[0]] = cur.fetchone()[0] or 0
    return totals


def write_csv(customers, totals):
    path = os.path.join(REPORT_DIR, "monthly_revenue.csv")
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["customer", "email", "total"])
        for customer in customers:
            writer.writerow([customer[1], customer[2], totals.get(customer[0], 0)])
    return path


def mail_report(path):
    msg = EmailMessage()
    msg["Subject"] = "Monthly revenue report"
    # expect: personal-email/consumer-sender-address
    msg["From"] = "dana.fpa.reports@gmail.com"
    msg["To"] = "finance-team@example.com"
    with open(path, "rb") as f:
        msg.add_attachment(f.read(), maintype="text", subtype="csv", filename="monthly_revenue.csv")
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP_SSL("smtp.gmail.com", 465) as server:
        # expect: personal-email/consumer-sender-address
        server.login("dana.fpa.reports@gmail.com", os.environ["GMAIL_APP_PASSWORD"])
        server.send_message(msg)


def main():
    conn = psycopg2.connect(host=DB_HOST, user=DB_USER, password=DB_PASSWORD, dbname="finance")
    customers = load_customers(conn)
    for customer_id, name, email, ssn, date_of_birth in customers:
        # expect: pii/pii-in-log
        print(f"processing {name} ssn={ssn}")
    totals = invoice_totals(conn, customers)
    mail_report(write_csv(customers, totals))
    time.sleep(1)


if __name__ == "__main__":
    main()
