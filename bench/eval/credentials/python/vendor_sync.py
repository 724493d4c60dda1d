"""Nightly sync of vendor data into the finance warehouse.

Pulls open invoices from the procurement portal, customers from the CRM, payouts from Stripe,
and posts a summary to the #finance-ops channel. Written by the AP team, run from cron on the
reporting VM. The API key is kept in Secret Manager in production; see README for local setup.
"""
import csv
import datetime as dt
import json
import logging
import os

import requests
import stripe
from google.cloud import secretmanager

log = logging.getLogger("vendor_sync")

# expect-none: credentials
PORTAL_BASE = "https://procure.acme-internal.com/api/v2"
# expect-none: credentials
TOKEN_URL = "https://login.procure.acme-internal.com/oauth2/token"
# expect-none: credentials
PASSWORD_MIN_LENGTH = 12
# expect-none: credentials
API_KEY_HEADER = "X-Api-Key"

# --- keys (TODO move to secret manager before handover) ---
# expect: credentials/stripe-secret-key
stripe.api_key = "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"
# expect: credentials/hubspot-token
HUBSPOT_TOKEN = "pat-na1-a9cd0af4-5c5e-13bf-ffcb-27adec7db88d"
# expect: credentials/airtable-token
AIRTABLE_PAT = "patYieLPGZ0Ji6RZu.98724712664a577266152db11dbcf8bb2ad1122c52481d4224e904e9048d999a"
# expect: credentials/sendgrid-api-key
SENDGRID_KEY = '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'
# expect: credentials/hardcoded-password
PORTAL_PASSWORD = "aKV&3lHwd.CnGJ"
PORTAL_USER = "ap-automation"
# expect: credentials/slack-webhook
FINANCE_OPS_WEBHOOK = "https://hooks.slack.com/services/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"

# expect-none: credentials
STRIPE_FALLBACK = os.environ.get("STRIPE_SECRET_KEY", "")
# expect-none: credentials
HUBSPOT_FROM_ENV = os.getenv("HUBSPOT_TOKEN")
# expect-none: credentials
AIRTABLE_FROM_ENV = os.environ["AIRTABLE_PAT"]


def read_secret(name: str) -> str:
    """Fetch a secret from Secret Manager (the token is never written to disk)."""
    client = secretmanager.SecretManagerServiceClient()
    # expect-none: credentials
    secret_path = f"projects/acme-finance/secrets/{name}/versions/latest"
    # expect-none: credentials
    api_token = client.access_secret_version(name=secret_path).payload.data.decode("utf-8")
    return api_token


def portal_session():
    s = requests.Session()
    # expect-none: credentials
    password = os.environ.get("PORTAL_PASSWORD")
    # expect: credentials/hardcoded-password
    resp = s.post(TOKEN_URL, data={"username": PORTAL_USER, "password": "xQd=AwAsw.c5S", "grant_type": "password"})
    resp.raise_for_status()
    # expect-none: credentials
    access_token = resp.json()["access_token"]
    s.headers["Authorization"] = f"Bearer {access_token}"
    return s


def open_invoices(session, since: dt.date):
    rows = []
    page_token = None
    while True:
        params = {"status": "open", "since": since.isoformat()}
        if page_token:
            params["page_token"] = page_token
        data = session.get(f"{PORTAL_BASE}/invoices", params=params, timeout=30).json()
        rows.extend(data["items"])
        # expect-none: credentials
        page_token = data.get("next_page_token")
        if not page_token:
            break
    return rows


def crm_customers():
    # expect: credentials/hubspot-token
    headers = {"Authorization": "Bearer pat-eu1-5d1b38cc-b61f-1edf-7a27-d1e3a6b0ca68"}
    url = "https://api.hubapi.com/crm/v3/objects/companies?limit=100"
    return requests.get(url, headers=headers, timeout=30).json()["results"]


def airtable_vendors():
    # expect-none: credentials
    headers = {"Authorization": f"Bearer {AIRTABLE_PAT}"}
    return requests.get("https://api.airtable.com/v0/appQ2x9/Vendors", headers=headers).json()


def post_summary(total, count):
    text = f"Vendor sync done: {count} open invoices, {total:,.2f} EUR outstanding"
    requests.post(FINANCE_OPS_WEBHOOK, json={"text": text}, timeout=10)


def mail_report(path):
    # expect: credentials/sendgrid-api-key
    sg_headers = {"Authorization": "Bearer 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", "Content-Type": "application/json"}
    body = {"personalizations": [{"to": [{"email": "ap-team@acme.com"}]}],
            "from": {"email": "reports@acme.com"}, "subject": "Vendor sync", "content": [{"type": "text/plain", "value": open(path).read()}]}
    requests.post("https://api.sendgrid.com/v3/mail/send", headers=sg_headers, json=body)


def main():
    since = dt.date.today() - dt.timedelta(days=1)
    invoices = open_invoices(portal_session(), since)
    # expect-none: credentials
    checksum = "95bf541d7e53608439c6205f9e22cf6db8c6a2b5e8a9acba84406acb67286752"
    # expect-none: credentials
    run_id = "c1e7d1c4-6bcc-315d-643e-030c9d005c93"
    with open(f"/data/exports/invoices-{since}.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        for inv in invoices:
            w.writerow([inv["id"], inv["vendor"], inv["amount"], inv["due"]])
    post_summary(sum(float(i["amount"]) for i in invoices), len(invoices))
    log.info("run %s done, file checksum %s", run_id, checksum)


if __name__ == "__main__":
    main()
