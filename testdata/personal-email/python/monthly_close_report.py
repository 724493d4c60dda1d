"""Month-end close: build the variance workbook and mail it to the controllers.

Usage: python monthly_close_report.py 2024-09

Set SMTP_HOST / SMTP_USER / SMTP_PASSWORD for the company relay. Do not use a
personal mailbox such as someone@gmail.com for this (see the wiki).
"""
import os
import smtplib
import ssl
import sys
from email.message import EmailMessage
from pathlib import Path

import pandas as pd

# Old setup, kept until IT finishes the relay migration.
# expect: personal-email/consumer-smtp-server
GMAIL_SMTP = "smtp.gmail.com"
PORT = 465
# expect: personal-email/consumer-sender-address
SENDER_EMAIL = "r.alvarez.finance@gmail.com"
APP_PASSWORD = os.environ.get("GMAIL_APP_PASSWORD")

CONTROLLERS = ["controller@northwind-foods.com", "k.nguyen@northwind-foods.com"]
# The CFO reads mail on her phone; personal address only as a recipient.
CFO_PERSONAL = "dana.whitfield@gmail.com"
EMAIL_RE = r"^[\w.+-]+@(gmail|yahoo|outlook)\.com$"


def build_workbook(period: str) -> Path:
    actuals = pd.read_csv(f"exports/actuals_{period}.csv")
    budget = pd.read_csv(f"exports/budget_{period}.csv")
    merged = actuals.merge(budget, on="cost_center", suffixes=("_act", "_bud"))
    merged["variance"] = merged["amount_act"] - merged["amount_bud"]
    out = Path(f"out/variance_{period}.xlsx")
    merged.to_excel(out, index=False)
    return out


def send_via_gmail(period: str, workbook: Path) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"Variance report {period}"
    # expect: personal-email/consumer-sender-address
    msg["From"] = "Finance Reporting <r.alvarez.finance@gmail.com>"
    msg["To"] = ", ".join(CONTROLLERS)
    msg["Cc"] = CFO_PERSONAL
    # expect: personal-email/consumer-sender-address
    msg["Reply-To"] = "r.alvarez.finance@gmail.com"
    msg.set_content(f"Attached: variance workbook for {period}.")
    msg.add_attachment(workbook.read_bytes(), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       filename=workbook.name)
    context = ssl.create_default_context()
    with smtplib.SMTP_SSL(GMAIL_SMTP, PORT, context=context) as server:
        server.login(SENDER_EMAIL, APP_PASSWORD)
        server.send_message(msg)


def send_backup_copy(workbook: Path) -> None:
    # expect: personal-email/consumer-smtp-server
    server = smtplib.SMTP("smtp-mail.outlook.com", 587)
    server.starttls()
    # expect: personal-email/consumer-sender-address
    server.login("rafael.alvarez82@hotmail.com", os.environ["HOTMAIL_PW"])
    body = f"Subject: backup {workbook.name}\n\nsee shared drive"
    # expect: personal-email/consumer-sender-address
    server.sendmail("rafael.alvarez82@hotmail.com", [CFO_PERSONAL], body)
    server.quit()


def send_via_relay(period: str, workbook: Path) -> None:
    """The supported path: company relay, company sender, settings from the environment."""
    msg = EmailMessage()
    msg["Subject"] = f"Variance report {period}"
    msg["From"] = os.environ.get("REPORT_SENDER", "finance-reports@northwind-foods.com")
    msg["To"] = ", ".join(CONTROLLERS)
    msg["Reply-To"] = "finance-team@northwind-foods.com"
    msg.set_content(f"Variance workbook for {period} is on the finance share.")
    with smtplib.SMTP(os.environ["SMTP_HOST"], int(os.environ.get("SMTP_PORT", "587"))) as server:
        server.starttls()
        server.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        server.send_message(msg, from_addr="finance-reports@northwind-foods.com")


def send_test_message() -> None:
    # Local debugging server: python -m aiosmtpd -n
    with smtplib.SMTP("localhost", 1025) as server:
        server.sendmail("finance-reports@northwind-foods.com", ["dana.whitfield@gmail.com"],
                        "Subject: test\n\nhello")


def send_from_office365() -> None:
    # Business tenant with a company login: the supported Microsoft 365 path.
    with smtplib.SMTP("smtp.office365.com", 587) as server:
        server.starttls()
        server.login("svc-finance@northwind-foods.com", os.environ["M365_PASSWORD"])


def send_from_office365_personal() -> None:
    with smtplib.SMTP("smtp.office365.com", 587) as server:
        server.starttls()
        # expect: personal-email/consumer-sender-address
        server.login("r.alvarez.finance@outlook.com", os.environ["OUTLOOK_PW"])


if __name__ == "__main__":
    period = sys.argv[1]
    wb = build_workbook(period)
    if os.environ.get("USE_RELAY") == "1":
        send_via_relay(period, wb)
    else:
        send_via_gmail(period, wb)
    print(f"sent {wb} to {CONTROLLERS} (template: your.name@gmail.com)")
