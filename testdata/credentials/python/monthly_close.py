"""Monthly close automation for the finance team.

Pulls the GL extract from the warehouse, reconciles it against Stripe payouts and
posts a summary to Slack. Ask Dana before changing the account mapping.
The password policy requires at least 12 characters (see PASSWORD_MIN_LENGTH).
"""
import os
import getpass
import smtplib

import boto3
import psycopg2
import requests
import stripe
from sqlalchemy import create_engine

PASSWORD_MIN_LENGTH = 12
TOKEN_URL = "https://oauth2.googleapis.com/token"
token_url = "https://login.example-idp.com/oauth2/v1/token"
password_field = "password"
PASSWORD_ENV_VAR = "DB_PASSWORD"
secret_name = "prod/finance/warehouse"
api_key_header = "X-API-Key"
SECRET = "DB_PASSWORD"
password_hash = "f018cc7c0ce6ebf2675b2b6575edbbcaaa7d9257d13236d3f069f674fed077f7"
file_checksum_md5 = "32d1f0929d76bf46dc83d85f24418d46"
batch_id = "e4f2c334-8645-8d93-4ff6-db9831f9e378"
next_page_token = "CiAKGjBpNDd2Nmp1Zml6cW9pMzRoNm9yMGdhYhIC"

# expect: credentials/hardcoded-password
WAREHOUSE_PASSWORD = "IxpWq^DWAc16"
# expect: credentials/stripe-secret-key
stripe.api_key = "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"
# expect: credentials/slack-webhook
SLACK_HOOK = "https://hooks.slack.com/services/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"
# Placeholders and environment reads are fine:
SMTP_PASSWORD = os.environ["SMTP_PASSWORD"]
db_password = os.getenv("DB_PASSWORD", "")
api_token = os.environ.get("API_TOKEN")
sftp_password = getpass.getpass("SFTP password: ")
backup_password = "changeme"
vendor_api_key = "<your-api-key>"
reporting_token = "${REPORTING_TOKEN}"
dummy_secret = "xxxxxxxxxxxx"
TEST_PASSWORD = "test"
empty_password = ""
auth_token = None
client_secret = "client_secret"
aws_region = "us-east-1"
service_account_file = "keys/finance-reporting.json"
private_key_path = "~/.ssh/id_rsa"
docs_example_key = "AKIAIOSFODNN7EXAMPLE"
docs_example_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
password_prompt = "Enter your password:"
encryption = "AES-256"


def s3_client():
    return boto3.client(
        "s3",
        # expect: credentials/aws-access-key-id
        aws_access_key_id="AKIACSRMR4TNG4UMSDCX",
        # expect: credentials/aws-secret-access-key
        aws_secret_access_key="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",
    )


def s3_client_from_env():
    return boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"])


def warehouse():
    # expect: credentials/connection-string-password
    engine = create_engine("postgresql+psycopg2://finance_ro:NeRZx&rGTpsC@warehouse.internal:5432/gl")
    return engine


def warehouse_from_env():
    user = os.environ["WH_USER"]
    pw = os.environ["WH_PASSWORD"]
    engine = create_engine(f"postgresql://{user}:{pw}@warehouse.internal/gl")
    other = create_engine("postgresql://finance_ro:${WH_PASSWORD}@warehouse.internal/gl")
    local = create_engine("postgresql://localhost:5432/gl")
    return engine, other, local


def ledger_connection():
    return psycopg2.connect(
        host="ledger.internal",
        user="close_bot",
        # expect: credentials/hardcoded-password
        password="kvDMR!xJTEMU",
    )


def ledger_connection_env():
    return psycopg2.connect(host="ledger.internal", user="close_bot", password=os.environ["LEDGER_PW"])


def libpq_connection():
    # expect: credentials/connection-string-password
    return psycopg2.connect("host=ledger.internal dbname=gl user=close_bot password=xceqr%Cj7SQP")


# expect: credentials/hardcoded-password
def fetch_rates(session, api_key="rxqH9@KUYKdH"):
    return session.get("https://rates.internal/api", params={"key": api_key})


def fetch_rates_safe(session, api_key=None, timeout="30"):
    return session.get("https://rates.internal/api", params={"key": api_key or os.environ["RATES_KEY"]})


HEADERS = {
    # expect: credentials/hardcoded-password
    "Authorization": "Bearer uVY0MtsSkp7vZvfQNDwW09mg4qAGmcxTCBEr5FSd",
    "Content-Type": "application/json",
}
SAFE_HEADERS = {"Authorization": f"Bearer {os.environ['RATES_TOKEN']}", "Accept": "text/csv"}

CONFIG = {
    # expect: credentials/hardcoded-password
    "sftp_password": "QYiOz#cJJY0z",
    "sftp_host": "files.partner-bank.com",
    "password_field": "pwd",
    "token_endpoint": "https://partner-bank.com/oauth/token",
    "api_key": os.environ.get("PARTNER_KEY"),
}


def send_report(body):
    # expect: personal-email/consumer-smtp-server
    server = smtplib.SMTP_SSL("smtp.gmail.com", 465)
    # expect: credentials/hardcoded-password
    server.login("finance.bot@corp-example.com", "8O1ut@qjO0oq")
    server.sendmail("finance.bot@corp-example.com", ["cfo@corp-example.com"], body)


def send_report_env(body):
    # expect: personal-email/consumer-smtp-server
    server = smtplib.SMTP_SSL("smtp.gmail.com", 465)
    server.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])


# expect: credentials/hardcoded-password
GMAIL_APP_PASSWORD = "qmvb tzkr hwpe lfsn"


def check_admin(password):
    # expect: credentials/hardcoded-password
    if password == "Blt9n&K40N9o":
        return True
    return password == os.environ["ADMIN_PASSWORD"]


def notify(text):
    # expect: credentials/slack-token
    requests.post("https://slack.com/api/chat.postMessage", headers={"Authorization": "Bearer xoxb-16000938668-5058529912491-SzQ1zY0BPsJz49BfqiSrrqYC"},
                  json={"channel": "#finance-close", "text": text})


# expect: credentials/openai-api-key
OPENAI_KEY = "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"
# expect: credentials/github-token
GH = "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"
# expect: credentials/private-key
SIGNING_KEY = """-----BEGIN RSA PRIVATE KEY-----
71/itV3fP3WH3egHbl7b8AJXtihFImtG/f1ObQq3qMX8JJbrmJuE94xaC/nBOh5x
kGcykotn1r5o/YUZj616KhoS/z4hHd2jmMHCiQcYNB7kxqV7vNK0JqaaRFXv4s06
YkSChc6hFIYEsJQyJU9HsN1zXBeYV/NPCPfrLzOTsacjishfnDou8fd9QhnVaeJV
t+l0IGuluD2895cSMIDBPuhZSh3I4nzgPCcy7VHf/1jSss0zbUR952IyrqLdrHt+
bbJaa4sUBGarz9yBa/1SovMmyMLwGGBcF7BJm58w+qbkuTqrq7yleV/abm/sdxJ1
-----END RSA PRIVATE KEY-----"""
KEY_TEMPLATE = """-----BEGIN PRIVATE KEY-----
...
-----END PRIVATE KEY-----"""

SA_INFO = {"type": "service_account", "project_id": "finance-reporting-4471",
           "private_key_id": "32d1f0929d76bf46dc83d85f24418d46",
           # expect: credentials/gcp-service-account-key
           "private_key": "-----BEGIN PRIVATE KEY-----\nb7PDjiaCuW5JL8Cqp41QhHcczzNU0nG63/DX3w5TAOqhUTR13VcSTXA27j45hsnU\nd1vGYSr5G38dxtNY9J1G12ES2sPvrh1eX1euTAoeiMNSgFdyi/wfrveHKNBddU19\nEmjUvLqVsoed9DKdmQw7fmlOUV+n0+Uovwf57imC4Pr0g4uvE7pq9Xbx0GPFt4py\nfxhxnGS9KQRwY82miRuZtS8VBdip9r+wVqj9tw2aTuEGazO2CMwIFI44t/N+qujV\n-----END PRIVATE KEY-----\n",
           "client_email": "close-bot@finance-reporting-4471.iam.gserviceaccount.com"}
