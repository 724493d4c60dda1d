#!/usr/bin/env python3
"""Posts stock-out and late-shipment alerts to Slack, Teams, Discord and Telegram.

Each channel owner pasted their own hook below. Ask IT before adding a new one.
Do not paste a token like xoxb-... into this file (use the SLACK_BOT_TOKEN variable).
"""
import os
import smtplib
import time
from email.message import EmailMessage

import requests
from slack_sdk import WebClient
from twilio.rest import Client as TwilioClient

# expect: credentials/slack-token
SLACK_BOT_TOKEN = "xoxb-249168955076-7795414369658-TpmDjdH1yXLXt9U5nYg95ZGO"
# expect: credentials/slack-token
slack_user_token = "xoxp-835981373431-890887026748-2656935791348-e501e6c7262737ce02623bf0babacfaa"
# expect: credentials/slack-webhook
WAREHOUSE_CHANNEL = "https://hooks.slack.com/services/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"
# expect: credentials/discord-credential
DISCORD_HOOK = "https://discord.com/api/webhooks/244154032290387248/9cd1sxGl4kJagKpfDwF7TEWj2HbU2pTb9aZwP_vrq3iVfkEo5pIT853UjWAHp-lTdwmk"
# expect: credentials/telegram-bot-token
TELEGRAM_BOT = "1350464993:AAdQ99sfkFO_puSchMN3UdV_wFO2Irx4iGA"
TELEGRAM_CHAT = "-1001234567890"
# expect: credentials/twilio-api-key
TWILIO_API_KEY = "SK3f6944fc45c8f74412a9080a0749cf9f"
# expect: credentials/twilio-api-key
twilio_auth_token = "a557062556fa4e73c08ef71e02ff716e"
# expect-none: credentials
TWILIO_ACCOUNT_SID = "AC7f816add56ce66396b6d145711fb863d"
# expect: credentials/zapier-webhook
ZAP_NEW_TICKET = "https://hooks.zapier.com/hooks/catch/77356235/9pdm7o/"

# expect-none: credentials
SLACK_FROM_ENV = os.environ.get("SLACK_BOT_TOKEN")
# expect-none: credentials
EXAMPLE_HOOK = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
# expect-none: credentials
DOCS_BOT_TOKEN = "xoxb-your-bot-token"
# expect-none: credentials
SLACK_TOKEN_HELP = "Create a bot token at https://api.slack.com/apps and export SLACK_BOT_TOKEN"


def slack(text, channel="#warehouse"):
    client = WebClient(token=SLACK_BOT_TOKEN)
    client.chat_postMessage(channel=channel, text=text)


def slack_as_me(text):
    # expect-none: credentials
    client = WebClient(token=os.environ["SLACK_USER_TOKEN"])
    client.chat_postMessage(channel="#ops", text=text)


def discord(text):
    requests.post(DISCORD_HOOK, json={"content": text}, timeout=10)


def telegram(text):
    url = f"https://api.telegram.org/bot{TELEGRAM_BOT}/sendMessage"
    requests.post(url, data={"chat_id": TELEGRAM_CHAT, "text": text}, timeout=10)


def telegram_backup(text):
    # expect: credentials/telegram-bot-token
    url = "https://api.telegram.org/bot6246008499:AARwXtHeALQDDbAEOw0W-bUuQnzTFdP_agX/sendMessage"
    requests.post(url, data={"chat_id": TELEGRAM_CHAT, "text": text}, timeout=10)


def sms(to, text):
    client = TwilioClient(TWILIO_API_KEY, twilio_auth_token, TWILIO_ACCOUNT_SID)
    client.messages.create(to=to, from_="+15005550006", body=text)


def sms_from_env(to, text):
    # expect-none: credentials
    client = TwilioClient(os.environ["TWILIO_API_KEY"], os.environ["TWILIO_API_SECRET"], os.environ["TWILIO_ACCOUNT_SID"])
    client.messages.create(to=to, from_="+15005550006", body=text)


def email(to, subject, body):
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = "alerts@acme.com"
    msg["To"] = to
    msg.set_content(body)
    with smtplib.SMTP("smtp.office365.com", 587) as s:
        s.starttls()
        # expect: credentials/hardcoded-password
        s.login("alerts@acme.com", password="Myi+iMH4=tvUn")
        s.send_message(msg)


def email_with_app_password(to, body):
    msg = EmailMessage()
    msg["To"] = to
    msg.set_content(body)
    with smtplib.SMTP_SSL("smtp.gmail.com", 465) as s:
        # expect: credentials/hardcoded-password
        s.login("warehouse.alerts.acme@gmail.com", "gjkj ljdl ghev pbhv")
        s.send_message(msg)


def email_env(to, body):
    msg = EmailMessage()
    msg["To"] = to
    msg.set_content(body)
    with smtplib.SMTP_SSL("smtp.gmail.com", 465) as s:
        # expect-none: credentials
        s.login(os.environ["SMTP_USER"], os.environ["SMTP_APP_PASSWORD"])
        s.send_message(msg)


def zap(ticket):
    requests.post(ZAP_NEW_TICKET, json=ticket, timeout=10)


def watch(get_stock, interval=300):
    while True:
        for sku, qty in get_stock().items():
            if qty <= 0:
                slack(f":warning: {sku} is out of stock")
        time.sleep(interval)
