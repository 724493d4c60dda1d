"""Small senders collected from team scripts during the mail audit."""
import os
import smtplib
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText


def aol_sender(report_path):
    msg = MIMEMultipart()
    # expect: personal-email/consumer-sender-address
    msg["From"] = "grandpa.ledger@aol.com"
    msg["To"] = "bookkeeping@brightline-logistics.com"
    msg["Subject"] = "Ledger export"
    with open(report_path, "rb") as fh:
        msg.attach(MIMEApplication(fh.read(), Name=os.path.basename(report_path)))
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP_SSL("smtp.aol.com", 465) as s:
        s.login(os.environ["AOL_USER"], os.environ["AOL_PW"])
        s.send_message(msg)


def icloud_sender(text):
    # expect: personal-email/consumer-smtp-server
    s = smtplib.SMTP("smtp.mail.me.com", 587)
    s.starttls()
    # expect: personal-email/consumer-sender-address
    s.login("d.fischer.design@icloud.com", os.environ["ICLOUD_APP_PW"])
    msg = MIMEText(text)
    # expect: personal-email/consumer-sender-address
    msg["From"] = "d.fischer.design@icloud.com"
    msg["To"] = "print-shop@brightline-logistics.com"
    s.send_message(msg)
    s.quit()


def gmx_sender(text):
    # expect: personal-email/consumer-smtp-server
    s = smtplib.SMTP("mail.gmx.net", 587)
    s.starttls()
    # expect: personal-email/consumer-sender-address
    s.login("lager.nord@gmx.de", os.environ["GMX_PW"])
    # expect: personal-email/consumer-sender-address
    s.sendmail("lager.nord@gmx.de", ["lager@brightline-logistics.com"], text)


def webde_sender(text):
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP("smtp.web.de", 587) as s:
        s.starttls()
        # expect: personal-email/consumer-sender-address
        s.login("k.becker.lager@web.de", os.environ["WEBDE_PW"])
        # expect: personal-email/consumer-sender-address
        s.sendmail("k.becker.lager@web.de", ["lager@brightline-logistics.com"], text)


def yandex_sender(text):
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP_SSL("smtp.yandex.ru", 465) as s:
        # expect: personal-email/consumer-sender-address
        s.login("sklad.moskva@yandex.ru", os.environ["YANDEX_PW"])
        # expect: personal-email/consumer-sender-address
        s.sendmail("sklad.moskva@yandex.ru", ["sklad@brightline-logistics.com"], text)


def mailru_sender(text):
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP_SSL("smtp.mail.ru", 465) as s:
        # expect: personal-email/consumer-sender-address
        s.login("otchety.sklad@mail.ru", os.environ["MAILRU_PW"])
        s.send_message(MIMEText(text))


def zoho_sender(text):
    # expect: personal-email/consumer-smtp-server
    with smtplib.SMTP_SSL("smtp.zoho.com", 465) as s:
        # expect: personal-email/consumer-sender-address
        s.login("fleet.maint.raj@zoho.com", os.environ["ZOHO_PW"])
        s.send_message(MIMEText(text))


def office365_with_personal_login(text):
    # a business server: only the personal login below is the problem
    # expect-none: personal-email
    with smtplib.SMTP("smtp.office365.com", 587) as s:
        s.starttls()
        # expect: personal-email/consumer-sender-address
        s.login("j.morales.fleet@outlook.com", os.environ["OUTLOOK_PW"])
        s.send_message(MIMEText(text))


def office365_company(text):
    # expect-none: personal-email
    with smtplib.SMTP("smtp.office365.com", 587) as s:
        s.starttls()
        # expect-none: personal-email
        s.login("svc-fleet@brightline-logistics.com", os.environ["O365_PW"])
        s.send_message(MIMEText(text))


def hotmail_sender(text):
    # expect: personal-email/consumer-smtp-server
    s = smtplib.SMTP(host="smtp.live.com", port=587)
    s.starttls()
    # expect: personal-email/consumer-sender-address
    s.login(user="fleet.jmorales@hotmail.com", password=os.environ["HOTMAIL_PW"])
    s.send_message(MIMEText(text))
