"""Invoice reminders through the mail APIs we have tried over the years."""
import os

import boto3
import requests
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Attachment, Email, Mail, To

MAILGUN_DOMAIN = "mg.brightline-logistics.com"


def sendgrid_reminder(customer_email, pdf_b64):
    message = Mail(
        # expect: personal-email/consumer-sender-address
        from_email="ar.collections.tom@gmail.com",
        # expect-none: personal-email
        to_emails=customer_email,
        subject="Your invoice is overdue",
        html_content="<p>Please find the invoice attached.</p>",
    )
    message.attachment = Attachment(pdf_b64, "invoice.pdf", "application/pdf")
    SendGridAPIClient(os.environ["SENDGRID_API_KEY"]).send(message)


def sendgrid_reminder_v2(customer_email):
    message = Mail(
        # expect: personal-email/consumer-sender-address
        from_email=Email("ar.collections.tom@yahoo.com", "Accounts Receivable"),
        to_emails=To(customer_email),
        subject="Reminder",
        plain_text_content="Friendly reminder.",
    )
    SendGridAPIClient(os.environ["SENDGRID_API_KEY"]).send(message)


def sendgrid_company(customer_email):
    message = Mail(
        # expect-none: personal-email
        from_email=os.environ.get("AR_SENDER", "ar@brightline-logistics.com"),
        # expect-none: personal-email
        to_emails=["ar.collections.tom@gmail.com", customer_email],
        subject="Copy of reminder",
        plain_text_content="copy",
    )
    SendGridAPIClient(os.environ["SENDGRID_API_KEY"]).send(message)


def ses_reminder(customer_email, body):
    ses = boto3.client("ses", region_name="eu-west-1")
    ses.send_email(
        # expect: personal-email/consumer-sender-address
        Source="Tom (AR) <ar.collections.tom@gmail.com>",
        Destination={"ToAddresses": [customer_email]},
        Message={"Subject": {"Data": "Invoice reminder"}, "Body": {"Text": {"Data": body}}},
        # expect: personal-email/consumer-sender-address
        ReplyToAddresses=["ar.collections.tom@hotmail.com"],
    )


def ses_company(customer_email, body):
    ses = boto3.client("ses")
    ses.send_email(
        # expect-none: personal-email
        Source=os.environ["SES_SENDER"],
        # expect-none: personal-email
        Destination={"ToAddresses": [customer_email], "BccAddresses": ["ar.archive@gmail.com"]},
        Message={"Subject": {"Data": "Invoice reminder"}, "Body": {"Text": {"Data": body}}},
    )


def mailgun_reminder(customer_email, body):
    return requests.post(
        f"https://api.eu.mailgun.net/v3/{MAILGUN_DOMAIN}/messages",
        auth=("api", os.environ["MAILGUN_API_KEY"]),
        data={
            # expect: personal-email/consumer-sender-address
            "from": "Accounts Receivable <ar.collections.tom@outlook.com>",
            "to": [customer_email],
            "subject": "Invoice reminder",
            "text": body,
            # expect: personal-email/consumer-sender-address
            "h:Reply-To": "ar.collections.tom@outlook.com",
        },
        timeout=20,
    )


def mailgun_company(customer_email, body):
    return requests.post(
        f"https://api.eu.mailgun.net/v3/{MAILGUN_DOMAIN}/messages",
        auth=("api", os.environ["MAILGUN_API_KEY"]),
        data={
            # expect-none: personal-email
            "from": f"Accounts Receivable <ar@{MAILGUN_DOMAIN}>",
            # expect-none: personal-email
            "to": [customer_email, "tom.private@gmail.com"],
            "subject": "Invoice reminder",
            "text": body,
        },
        timeout=20,
    )
