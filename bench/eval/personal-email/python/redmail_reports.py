import os

import pandas as pd
# expect: personal-email/consumer-smtp-server
from redmail import gmail
from redmail import EmailSender

# expect: personal-email/consumer-sender-address
gmail.username = "sales.ops.lena@gmail.com"
gmail.password = os.environ["GMAIL_APP_PASSWORD"]


def weekly_pipeline():
    df = pd.read_sql("select * from pipeline", os.environ["DWH_URL"])
    gmail.send(
        subject="Weekly pipeline",
        receivers=["sales-leads@brightline-logistics.com"],
        html="<h1>Pipeline</h1>{{ table }}",
        body_tables={"table": df},
        attachments={"pipeline.xlsx": df},
    )


# expect-none: personal-email
company = EmailSender(host=os.environ["SMTP_HOST"], port=587, username=os.environ["SMTP_USER"], password=os.environ["SMTP_PASSWORD"])

personal = EmailSender(
    # expect: personal-email/consumer-smtp-server
    host="smtp.gmail.com",
    port=587,
    # expect: personal-email/consumer-sender-address
    username="sales.ops.lena@gmail.com",
    password=os.environ["GMAIL_APP_PASSWORD"],
)


def quarterly_forecast(df):
    company.send(
        subject="Quarterly forecast",
        # expect-none: personal-email
        sender="forecasts@brightline-logistics.com",
        receivers=["cfo@brightline-logistics.com"],
        attachments={"forecast.xlsx": df},
    )
