"""Enrich the lead list with an LLM summary and a geocoded address (marketing ops notebook, exported)."""
import functools
import os
import time

import googlemaps
import requests
from anthropic import Anthropic
from openai import OpenAI

openai_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
claude = Anthropic()
gmaps = googlemaps.Client(key=os.environ["MAPS_KEY"])
SAMPLE_PROMPTS = ["Say hello", "Summarise our pricing page"]


def summarise_leads(leads):
    for lead in leads:
        # expect: db-loops/api-call-in-loop
        resp = openai_client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Summarise this company: {lead['notes']}"}],
        )
        lead["summary"] = resp.choices[0].message.content


def classify_tickets(tickets):
    labels = []
    for t in tickets:
        # expect: db-loops/api-call-in-loop
        msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=20,
                                     messages=[{"role": "user", "content": t["body"]}])
        labels.append(msg.content[0].text)
    return labels


def smoke_test_prompts():
    for prompt in SAMPLE_PROMPTS:
        # expect-none: db-loops
        print(openai_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}]))


def geocode_addresses(rows):
    for row in rows:
        # expect: db-loops/api-call-in-loop
        result = gmaps.geocode(row["address"])
        row["lat"], row["lng"] = result[0]["geometry"]["location"].values()


@functools.lru_cache(maxsize=4096)
def geocode_cached(address):
    return gmaps.geocode(address)


def geocode_with_cache(rows):
    for row in rows:
        # expect-none: db-loops
        row["geo"] = geocode_cached(row["address"])


def enrich_from_clearbit(domains):
    out = {}
    for domain in domains:
        # expect: db-loops/api-call-in-loop
        r = requests.get("https://company.clearbit.com/v2/companies/find", params={"domain": domain},
                         headers={"Authorization": "Bearer " + os.environ["CLEARBIT_KEY"]})
        out[domain] = r.json()
    return out


def enrich_politely(domains):
    out = {}
    for domain in domains:
        # expect-none: db-loops
        r = requests.get("https://company.clearbit.com/v2/companies/find", params={"domain": domain})
        out[domain] = r.json()
        time.sleep(1.0)
    return out


def embed_documents(docs):
    # expect-none: db-loops
    resp = openai_client.embeddings.create(model="text-embedding-3-small", input=[d["text"] for d in docs])
    return [e.embedding for e in resp.data]


def embed_one_by_one(docs):
    # expect: db-loops/api-call-in-loop
    return [openai_client.embeddings.create(model="text-embedding-3-small", input=d["text"]) for d in docs]


def raw_gemini(texts):
    url = "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent"
    answers = []
    for text in texts:
        # expect: db-loops/api-call-in-loop
        r = requests.post(url, params={"key": os.environ["GEMINI_KEY"]}, json={"contents": [{"parts": [{"text": text}]}]})
        answers.append(r.json())
    return answers
