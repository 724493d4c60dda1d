"""Company mail helper: every script in this repo sends through here.

Configuration comes from the environment (see ops/mail.env.example):
    SMTP_HOST      the company relay (smtp.brightline-logistics.com)
    SMTP_USER      service account, e.g. svc-reports@brightline-logistics.com
    SMTP_PASSWORD  from the vault

Do not point SMTP_HOST at smtp.gmail.com or use a personal login such as jane@gmail.com.
"""
import os
import smtplib
from email.message import EmailMessage

# expect-none: personal-email
DEFAULT_HOST = "smtp.brightline-logistics.com"
# expect-none: personal-email
DEFAULT_SENDER = "reports-noreply@brightline-logistics.com"


def connect():
    # expect-none: personal-email
    host = os.environ.get("SMTP_HOST", DEFAULT_HOST)
    port = int(os.environ.get("SMTP_PORT", "587"))
    # expect-none: personal-email
    server = smtplib.SMTP(host, port, timeout=30)
    server.starttls()
    # expect-none: personal-email
    server.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
    return server


def send(subject, body, to, attachments=()):
    msg = EmailMessage()
    # expect-none: personal-email
    msg["From"] = os.environ.get("REPORT_SENDER", DEFAULT_SENDER)
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg.set_content(body)
    for name, data in attachments:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    with connect() as server:
        server.send_message(msg)


def send_local_debug(subject, body):
    """For development: python -m smtpd -n -c DebuggingServer localhost:1025"""
    # expect-none: personal-email
    with smtplib.SMTP("localhost", 1025) as server:
        # expect-none: personal-email
        server.sendmail("dev@localhost", ["dev@localhost"], f"Subject: {subject}\n\n{body}")


def send_to_relay_port25(message):
    # expect-none: personal-email
    with smtplib.SMTP("mail.brightline-logistics.com", 25) as relay:
        relay.send_message(message)
