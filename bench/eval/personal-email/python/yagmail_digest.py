"""Daily digest of late shipments, mailed to the regional leads."""
import datetime as dt
import os

import pandas as pd
import yagmail

LEADS = ["north-lead@brightline-logistics.com", "south-lead@brightline-logistics.com"]


def late_shipments():
    df = pd.read_csv("exports/shipments.csv", parse_dates=["promised"])
    return df[df["promised"] < pd.Timestamp.today()]


def send_digest():
    late = late_shipments()
    path = f"out/late_{dt.date.today():%Y%m%d}.xlsx"
    late.to_excel(path, index=False)
    # expect: personal-email/consumer-sender-address
    yag = yagmail.SMTP("logistics.digest.bot@gmail.com", os.environ["GMAIL_APP_PW"])
    yag.send(to=LEADS, subject="Late shipments", contents=["See attached.", path])


def send_digest_keyring():
    # the account and password are stored in the OS keyring by `yagmail.register(...)`
    # expect: personal-email/consumer-smtp-server
    yag = yagmail.SMTP()
    yag.send(to=LEADS, subject="Late shipments (keyring)", contents="See the share.")


def send_digest_user_kwarg():
    # expect: personal-email/consumer-sender-address
    with yagmail.SMTP(user="logistics.digest.bot@googlemail.com", password=os.environ["PW"]) as yag:
        yag.send(LEADS, "Late shipments", "Nothing late today.")


def send_digest_relay():
    # expect-none: personal-email
    yag = yagmail.SMTP(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"], host="smtp.brightline-logistics.com", port=587)
    # expect-none: personal-email
    yag.send(to="ana.lopez@gmail.com", subject="Late shipments", contents="Forwarded on request.")
