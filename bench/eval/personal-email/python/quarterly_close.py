#!/usr/bin/env python3
"""Quarter close pack for the regional controllers. Scheduled on the ops VM with cron."""
import os
import smtplib
import ssl
from email import encoders
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

# expect: personal-email/consumer-sender-address
SMTP_LOGIN = "fin.close.automation@gmail.com"
# expect-none: personal-email
CONTROLLERS = "controllers-emea@halvorsen-marine.no"


def attach(msg, path):
    part = MIMEBase("application", "octet-stream")
    with open(path, "rb") as fh:
        part.set_payload(fh.read())
    encoders.encode_base64(part)
    # expect-none: personal-email
    part.add_header("Content-Disposition", "attachment", filename=os.path.basename(path))
    msg.attach(part)


def send_pack(paths):
    msg = MIMEMultipart()
    # expect: personal-email/consumer-sender-address
    msg["From"] = f"Close Automation <{'fin.close.automation@gmail.com'}>"
    msg["To"] = CONTROLLERS
    msg["Subject"] = "Quarter close pack"
    msg.attach(MIMEText("Pack attached.", "plain"))
    for p in paths:
        attach(msg, p)
    # expect: personal-email/consumer-smtp-server
    server = smtplib.SMTP("smtp.gmail.com", 587)
    server.starttls(context=ssl.create_default_context())
    server.login(SMTP_LOGIN, os.environ["CLOSE_APP_PASSWORD"])
    server.send_message(msg)
    server.quit()


def send_pack_relay(paths):
    msg = MIMEMultipart()
    # expect-none: personal-email
    msg["From"] = "close-automation@halvorsen-marine.no"
    msg["To"] = CONTROLLERS
    # expect-none: personal-email
    with smtplib.SMTP(os.getenv("RELAY_HOST", "relay.halvorsen-marine.no"), 25) as relay:
        relay.send_message(msg)


if __name__ == "__main__":
    send_pack(["out/close_pack.xlsx", "out/close_notes.pdf"])
