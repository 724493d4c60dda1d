"""Send the payroll summary workbook to the payroll team every second Friday.

Run from the finance laptop: python payroll_mailer.py --period 2024-19
"""
import argparse
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

import openpyxl

# expect: personal-email/consumer-sender-address
GMAIL_USER = "m.okafor.payroll@gmail.com"
GMAIL_APP_PASSWORD = open(Path.home() / ".gmail_app_pw").read().strip()
PAYROLL_TEAM = ["payroll@brightline-logistics.com", "hr-ops@brightline-logistics.com"]


def export_summary(period: str) -> Path:
    wb = openpyxl.load_workbook(f"payroll/{period}/register.xlsx")
    ws = wb["Summary"]
    out = Path(f"out/Q3_payroll_{period}.xlsx")
    wb.save(out)
    return out


def send(period: str, attachment: Path) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"Payroll summary {period}"
    # expect: personal-email/consumer-sender-address
    msg["From"] = formataddr(("Payroll Bot", "m.okafor.payroll@gmail.com"))
    # expect-none: personal-email
    msg["To"] = ", ".join(PAYROLL_TEAM)
    msg.set_content("Summary attached. Reply to this mail with corrections.")
    msg.add_attachment(attachment.read_bytes(), maintype="application", subtype="octet-stream",
                       filename=attachment.name)
    ctx = ssl.create_default_context()
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP_SSL("smtp.gmail.com", 465, context=ctx) as smtp:
        smtp.login(GMAIL_USER, GMAIL_APP_PASSWORD)
        smtp.send_message(msg)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--period", required=True)
    # expect-none: personal-email
    parser.add_argument("--cc", help="extra recipient, e.g. someone@gmail.com")
    args = parser.parse_args()
    send(args.period, export_summary(args.period))
