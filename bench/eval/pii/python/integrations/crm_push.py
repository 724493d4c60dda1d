"""Pushes sign-ups and case notes to the services the growth and support teams use."""
import os

import analytics
import anthropic
import google.generativeai as genai
import sentry_sdk
from algoliasearch.search_client import SearchClient
from elasticsearch import Elasticsearch
from google.cloud import bigquery
from mixpanel import Mixpanel
from openai import OpenAI

sentry_sdk.init(dsn=os.environ["SENTRY_DSN"], send_default_pii=False)
analytics.write_key = os.environ["SEGMENT_WRITE_KEY"]
mp = Mixpanel(os.environ["MIXPANEL_TOKEN"])
openai_client = OpenAI()
claude = anthropic.Anthropic()
es = Elasticsearch(os.environ["ES_URL"])
bq = bigquery.Client()
search = SearchClient.create(os.environ["ALGOLIA_APP"], os.environ["ALGOLIA_KEY"])
index = search.init_index("members")


def on_signup(user):
    # expect: pii/pii-sent-to-third-party
    sentry_sdk.set_user({"id": user.id, "email": user.email})
    # expect-none: pii
    sentry_sdk.set_user({"id": user.id})
    # expect: pii/pii-sent-to-third-party
    analytics.identify(user.id, {"email": user.email, "birthday": user.date_of_birth})
    # expect-none: pii
    analytics.track(user.id, "Signed Up", {"plan": user.plan, "referrer": user.referrer})
    # expect: pii/pii-sent-to-third-party
    mp.people_set(user.id, {"$email": user.email, "$phone": user.mobile_phone})
    # expect-none: pii
    mp.track(user.id, "signup_completed", {"plan": user.plan})


def on_payment_failed(user, error):
    # expect: pii/pii-sent-to-third-party
    sentry_sdk.set_context("payment", {"card_number": user.card_number, "amount": error.amount})
    # expect-none: pii
    sentry_sdk.set_context("payment", {"card_last4": user.card_last4, "amount": error.amount})
    # expect-none: pii
    sentry_sdk.capture_exception(error)


def summarize_case(patient, notes):
    prompt = f"Summarize for the care team: {notes}"
    # expect: pii/pii-sent-to-third-party
    resp = openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Patient diagnosis: {patient.diagnosis}. {prompt}"}])
    # expect-none: pii
    resp2 = openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return resp.choices[0].message.content + resp2.choices[0].message.content


def draft_letter(applicant):
    # expect: pii/pii-sent-to-third-party
    msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=800, messages=[{"role": "user", "content": f"Write a denial letter for {applicant.full_name}, SSN {applicant.ssn}"}])
    model = genai.GenerativeModel("gemini-1.5-flash")
    # expect: pii/pii-sent-to-third-party
    draft = model.generate_content(f"Rewrite politely. Applicant DOB {applicant.date_of_birth}, income {applicant.salary}")
    # expect-none: pii
    fixed = model.generate_content("Rewrite politely: " + msg.content[0].text)
    return draft.text + fixed.text


def index_members(members):
    # expect: pii/pii-sent-to-third-party
    index.save_objects([{"objectID": m.id, "name": m.full_name, "phone": m.home_phone} for m in members])
    # expect-none: pii
    index.save_objects([{"objectID": m.id, "plan": m.plan, "city": m.city} for m in members])
    for m in members:
        # expect: pii/pii-sent-to-third-party
        es.index(index="members", id=m.id, document={"name": m.full_name, "ssn": m.ssn})
        # expect-none: pii
        es.index(index="member-stats", id=m.id, document={"visits": m.visit_count})


def load_to_warehouse(rows):
    table = bq.get_table("analytics.loan_applicants")
    # expect: pii/pii-sent-to-third-party
    errors = bq.insert_rows_json(table, [{"id": r["id"], "ssn": r["ssn"], "income": r["income"]} for r in rows])
    # expect-none: pii
    bq.insert_rows_json("analytics.daily_counts", [{"day": r["day"], "count": r["count"]} for r in rows])
    return errors
