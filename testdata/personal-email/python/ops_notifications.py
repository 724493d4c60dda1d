"""Inventory and ops notifications for the warehouse team.

Several senders grew here over time; only the relay/SendGrid paths with the
company domain are approved.
"""
import logging.handlers
import os
import re

import boto3
import requests
import yagmail
from redmail import EmailSender
# expect: personal-email/consumer-smtp-server
from redmail import gmail
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Email, Mail

OPS_TEAM = ["ops-leads@contoso-logistics.com", "warehouse@contoso-logistics.com"]
DRIVER_CONTACTS = {"north": "tomasz.k@gmail.com", "south": "l.moreau@yahoo.fr"}
CONSUMER_DOMAINS = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com"]
PERSONAL_MAIL = re.compile(r"@(gmail|googlemail|hotmail|outlook|yahoo|icloud)\.", re.I)
SUPPORT_EMAIL = "help.contoso.ops@gmail.com"
alert_recipient = "m.santos.ops@outlook.com"

SMTP_SETTINGS = {
    # expect: personal-email/consumer-smtp-server
    "host": "smtp.mail.yahoo.com",
    "port": 465,
    # expect: personal-email/consumer-sender-address
    "smtp_user": "contoso.ops.bot@yahoo.com",
}

RELAY_SETTINGS = {
    "host": os.environ.get("SMTP_HOST", "mail.contoso-logistics.com"),
    "port": 25,
    "smtp_user": "svc-ops@contoso-logistics.com",
}


def is_personal(address: str) -> bool:
    return address.split("@")[-1].lower() in CONSUMER_DOMAINS


def low_stock_yagmail(items):
    # expect: personal-email/consumer-sender-address
    yag = yagmail.SMTP("contoso.ops.bot@gmail.com", os.environ["YAG_PW"])
    yag.send(to=OPS_TEAM, subject="Low stock", contents="\n".join(items))


def low_stock_yagmail_alias(items):
    # yagmail's {address: display name} form of the user
    # expect: personal-email/consumer-sender-address
    yag = yagmail.SMTP({"contoso.ops.bot@gmail.com": "Contoso Ops"}, os.environ["YAG_PW"])
    yag.send(to=OPS_TEAM, subject="Low stock", contents=items)


def low_stock_yagmail_env(items):
    # expect: personal-email/consumer-smtp-server
    yag = yagmail.SMTP(os.environ["BOT_USER"], os.environ["BOT_PW"])
    yag.send(to=OPS_TEAM, subject="Low stock", contents=items)


def low_stock_yagmail_relay(items):
    yag = yagmail.SMTP(os.environ["BOT_USER"], host="mail.contoso-logistics.com", port=587)
    yag.send(to=OPS_TEAM, subject="Low stock", contents=items)


def shift_report_redmail(html):
    # expect: personal-email/consumer-sender-address
    gmail.username = "contoso.ops.bot@gmail.com"
    gmail.password = os.environ["GMAIL_APP_PW"]
    gmail.send(subject="Shift report", receivers=OPS_TEAM, html=html)


def shift_report_company(html):
    sender = EmailSender(host=os.environ["SMTP_HOST"], port=587)
    sender.send(subject="Shift report", sender="ops-reports@contoso-logistics.com",
                receivers=OPS_TEAM, html=html)


def shift_report_redmail_zoho(html):
    # expect: personal-email/consumer-smtp-server
    sender = EmailSender(host="smtp.zoho.com", port=465,
                         username=os.environ["ZOHO_USER"], password=os.environ["ZOHO_PW"])
    sender.send(subject="Shift report", receivers=OPS_TEAM, html=html)


def delay_notice_sendgrid(order_id, customer_email):
    message = Mail(
        # expect: personal-email/consumer-sender-address
        from_email="contoso.ops.bot@gmail.com",
        to_emails=customer_email,
        subject=f"Order {order_id} delayed",
        html_content="<p>Your order ships tomorrow.</p>",
    )
    SendGridAPIClient(os.environ["SENDGRID_API_KEY"]).send(message)


def delay_notice_sendgrid_company(order_id, customer_email):
    message = Mail(
        from_email=Email("orders@contoso-logistics.com", "Contoso Orders"),
        to_emails=customer_email,
        subject=f"Order {order_id} delayed",
        html_content="<p>Your order ships tomorrow.</p>",
    )
    message.reply_to = Email("orders@contoso-logistics.com")
    SendGridAPIClient(os.environ["SENDGRID_API_KEY"]).send(message)


def delay_notice_sendgrid_nested(order_id):
    # expect: personal-email/consumer-sender-address
    message = Mail(from_email=Email("m.santos.ops@outlook.com", "Marta"), to_emails="dock@contoso-logistics.com",
                   subject=f"Order {order_id}", plain_text_content="see portal")
    return message


def route_change_mailgun(route):
    return requests.post(
        "https://api.mailgun.net/v3/mg.contoso-logistics.com/messages",
        auth=("api", os.environ["MAILGUN_KEY"]),
        data={
            # expect: personal-email/consumer-sender-address
            "from": "Route Planner <routes.contoso@icloud.com>",
            "to": DRIVER_CONTACTS["north"],
            "subject": f"Route {route} changed",
            "text": "Check the app.",
        },
    )


def route_change_mailgun_company(route):
    return requests.post(
        "https://api.mailgun.net/v3/mg.contoso-logistics.com/messages",
        auth=("api", os.environ["MAILGUN_KEY"]),
        data={"from": "Route Planner <routes@mg.contoso-logistics.com>",
              "to": [DRIVER_CONTACTS["south"], "tomasz.k@gmail.com"],
              "subject": f"Route {route} changed"},
    )


def ses_summary(body):
    ses = boto3.client("ses", region_name="eu-west-1")
    ses.send_email(
        # expect: personal-email/consumer-sender-address
        Source="contoso.ops.bot@gmail.com",
        Destination={"ToAddresses": OPS_TEAM + ["tomasz.k@gmail.com"]},
        Message={"Subject": {"Data": "Daily summary"}, "Body": {"Text": {"Data": body}}},
    )
    ses.send_email(
        Source="ops-summary@contoso-logistics.com",
        Destination={"ToAddresses": ["l.moreau@yahoo.fr"]},
        Message={"Subject": {"Data": "Daily summary"}, "Body": {"Text": {"Data": body}}},
    )


def check_user(login_form):
    # A login form check, not mail: must stay quiet.
    login_form.fill(username="warehouse.kiosk", password=os.environ["KIOSK_PW"])
    return PERSONAL_MAIL.search("driver: tomasz.k@gmail.com") is not None


def error_mail_handler():
    handler = logging.handlers.SMTPHandler(
        # expect: personal-email/consumer-smtp-server
        mailhost=("smtp.gmail.com", 587),
        # expect: personal-email/consumer-sender-address
        fromaddr="contoso.ops.bot@gmail.com",
        toaddrs=OPS_TEAM,
        subject="Inventory job failed",
        # expect: personal-email/consumer-sender-address
        credentials=("contoso.ops.bot@gmail.com", os.environ["GMAIL_APP_PW"]),
        secure=(),
    )
    relay_handler = logging.handlers.SMTPHandler(
        mailhost=(os.environ["SMTP_HOST"], 25),
        fromaddr="inventory-jobs@contoso-logistics.com",
        toaddrs=["tomasz.k@gmail.com"],
        subject="Inventory job failed",
    )
    return handler, relay_handler


def portal_smoke_test(page):
    # Browser test of the supplier portal: a web login, not mail.
    page.login("supplier.demo.account@gmail.com", os.environ["PORTAL_PW"])
    filters = {"criteria": {"from": "noreply.supplier@gmail.com"}, "action": {"addLabelIds": ["Suppliers"]}}
    return filters
