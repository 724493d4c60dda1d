import os
import smtplib
from email.message import EmailMessage

import yagmail

# expect-none: personal-email
SUPPORT_HINT = "If you do not get the mail, check the spam folder of your Gmail (e.g. name@gmail.com)."
# expect-none: personal-email
ALLOWED_RECIPIENT_DOMAINS = ("halvorsen-marine.no", "halvorsen-marine.com")


def notify_team(subject, body):
    # expect: personal-email/consumer-sender-address
    yag = yagmail.SMTP({"ops.halvorsen.bot@gmail.com": "Ops Bot"}, os.environ["BOT_APP_PW"])
    # expect-none: personal-email
    yag.send("ops@halvorsen-marine.no", subject, body)


def notify_outlook(subject, body):
    msg = EmailMessage()
    msg["Subject"] = subject
    # expect: personal-email/consumer-sender-address
    msg["From"] = "ops.halvorsen@hotmail.no"
    msg["To"] = "ops@halvorsen-marine.no"
    msg.set_content(body)
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP("smtp-mail.outlook.com", port=587) as s:
        s.starttls()
        s.login(os.environ["OUTLOOK_USER"], os.environ["OUTLOOK_PW"])
        s.send_message(msg)


def notify_env(subject, body):
    msg = EmailMessage()
    # expect-none: personal-email
    msg["From"] = os.environ["NOTIFY_FROM"]
    msg["To"] = "ops@halvorsen-marine.no"
    msg["Subject"] = subject
    msg.set_content(body)
    # expect-none: personal-email
    with smtplib.SMTP(os.environ["SMTP_HOST"], int(os.environ["SMTP_PORT"])) as s:
        s.send_message(msg)
