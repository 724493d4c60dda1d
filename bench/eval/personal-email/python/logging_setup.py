import logging
import logging.handlers
import os


def configure_personal():
    handler = logging.handlers.SMTPHandler(
        # expect: personal-email/consumer-smtp-server
        mailhost=("smtp.gmail.com", 587),
        # expect: personal-email/consumer-sender-address
        fromaddr="etl.alerts.kwame@gmail.com",
        toaddrs=["data-team@brightline-logistics.com"],
        subject="ETL failure",
        # expect: personal-email/consumer-sender-address
        credentials=("etl.alerts.kwame@gmail.com", os.environ["GMAIL_APP_PW"]),
        secure=(),
    )
    handler.setLevel(logging.ERROR)
    logging.getLogger().addHandler(handler)


def configure_company():
    handler = logging.handlers.SMTPHandler(
        # expect-none: personal-email
        mailhost=(os.environ["SMTP_HOST"], 25),
        # expect-none: personal-email
        fromaddr="etl-alerts@brightline-logistics.com",
        # expect-none: personal-email
        toaddrs=["kwame.asante@gmail.com"],
        subject="ETL failure",
    )
    logging.getLogger().addHandler(handler)


def configure_local():
    # expect-none: personal-email
    handler = logging.handlers.SMTPHandler("localhost", "etl@localhost", ["root@localhost"], "ETL failure")
    logging.getLogger().addHandler(handler)
