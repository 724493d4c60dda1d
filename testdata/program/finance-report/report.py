"""Monthly revenue report: reads the orders database, writes a CSV to the finance share, mails it."""
import os
import smtplib
from email.message import EmailMessage

import pandas as pd
import psycopg2

EXPORT = "/mnt/finance/exports/monthly_revenue.csv"


def build_report():
    conn = psycopg2.connect(host="orders-db.corp.example.com", dbname="orders",
                            user="report", password=os.environ["REPORT_DB_PASSWORD"])
    frame = pd.read_sql("SELECT date_trunc('month', created_at) AS month, SUM(total) FROM orders GROUP BY 1", conn)
    frame.to_csv("/mnt/finance/exports/monthly_revenue.csv", index=False)
    return frame


def mail_report(frame):
    message = EmailMessage()
    message["Subject"] = "Monthly revenue"
    message["To"] = "finance-team@example.com"
    message.set_content(frame.to_string())
    with smtplib.SMTP("smtp.corp.example.com", 587) as server:
        server.starttls()
        server.send_message(message)


if __name__ == "__main__":
    mail_report(build_report())
