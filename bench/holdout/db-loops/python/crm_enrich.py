# Enrich the CRM export with AI summaries, geocodes and company data.
# Written with help from ChatGPT for the marketing ops team. Usage:
#   python crm_enrich.py leads.csv enriched.csv
import functools
import json
import os
import sys
import time

import googlemaps
import pandas as pd
import requests
from openai import OpenAI
from tenacity import retry, stop_after_attempt, wait_exponential

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
gmaps = googlemaps.Client(key=os.environ["MAPS_KEY"])
CLEARBIT = "https://company.clearbit.com/v2/companies/find"
HUBSPOT = "https://api.hubapi.com/crm/v3/objects/contacts"
HEADERS = {"Authorization": "Bearer " + os.environ.get("HUBSPOT_TOKEN", "")}

PROMPT = "Summarise this lead's notes in one sentence and rate buying intent 1-5:\n\n{notes}"


def summarise_leads(df):
    summaries = []
    for _, lead in df.iterrows():
        # expect: db-loops/api-call-in-loop
        reply = client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": PROMPT.format(notes=lead["notes"])}],
        )
        summaries.append(reply.choices[0].message.content)
    df["ai_summary"] = summaries
    return df


def classify_titles(titles):
    # expect: db-loops/api-call-in-loop
    return [client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Seniority of '{t}'?"}]).choices[0].message.content for t in titles]


def geocode_addresses(df):
    coords = []
    for addr in df["address"].fillna(""):
        # expect: db-loops/api-call-in-loop
        hits = gmaps.geocode(addr)
        coords.append(hits[0]["geometry"]["location"] if hits else None)
    df["coords"] = coords
    return df


def company_info(domains):
    out = {}
    for domain in domains:
        # expect: db-loops/api-call-in-loop
        r = requests.get(CLEARBIT, params={"domain": domain}, headers=HEADERS, timeout=10)
        out[domain] = r.json() if r.ok else {}
    return out


def company_info_polite(domains):
    out = {}
    for domain in domains:
        # expect-none: db-loops
        r = requests.get(CLEARBIT, params={"domain": domain}, headers=HEADERS, timeout=10)
        out[domain] = r.json() if r.ok else {}
        time.sleep(1.2)
    return out


@functools.lru_cache(maxsize=None)
def cached_geocode(address):
    return gmaps.geocode(address)


def geocode_cached(df):
    # expect-none: db-loops
    df["geo"] = [cached_geocode(a) for a in df["address"].fillna("")]
    return df


_seen = {}


def enrich_with_memo(domains):
    for domain in domains:
        if domain in _seen:
            continue
        # expect-none: db-loops
        resp = requests.get(CLEARBIT, params={"domain": domain}, timeout=10)
        _seen[domain] = resp.json()
    return _seen


@retry(wait=wait_exponential(multiplier=1, max=30), stop=stop_after_attempt(5))
def embed(text):
    return client.embeddings.create(model="text-embedding-3-small", input=text).data[0].embedding


def embed_notes(notes):
    # expect-none: db-loops
    return [embed(n) for n in notes]


def embed_batch(notes):
    # expect-none: db-loops
    resp = client.embeddings.create(model="text-embedding-3-small", input=list(notes))
    return [d.embedding for d in resp.data]


def push_to_hubspot(rows):
    for row in rows:
        payload = {"properties": {"email": row["email"], "ai_summary": row["ai_summary"]}}
        # expect: db-loops/api-call-in-loop
        requests.post(HUBSPOT, headers=HEADERS, json=payload, timeout=15)


def push_to_hubspot_batched(rows):
    inputs = [{"properties": {"email": r["email"]}} for r in rows]
    for start in range(0, len(inputs), 100):
        # expect-none: db-loops
        requests.post(HUBSPOT + "/batch/create", headers=HEADERS, json={"inputs": inputs[start:start + 100]}, timeout=30)
        time.sleep(0.5)


def post_with_backoff(url, body):
    for attempt in range(5):
        # expect-none: db-loops
        r = requests.post(url, json=body, headers=HEADERS, timeout=15)
        if r.status_code != 429:
            return r
        time.sleep(2 ** attempt)
    r.raise_for_status()


def ping_services():
    for url in ("https://api.hubapi.com/status", "https://status.openai.com/api/v2/status.json"):
        # expect-none: db-loops
        print(url, requests.get(url, timeout=5).status_code)


class LeadScorer:
    def __init__(self, model="gpt-4o-mini"):
        self.model = model

    def score(self, lead):
        # expect-none: db-loops
        msg = client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": json.dumps(lead)}])
        return int(msg.choices[0].message.content.strip()[:1] or 0)

    def score_all(self, leads):
        scores = []
        for lead in leads:
            # expect: db-loops/api-call-in-loop
            scores.append(self.score(lead))
        return scores


def translate_subjects(subjects, lang):
    results = []
    i = 0
    while i < len(subjects):
        # expect: db-loops/api-call-in-loop
        out = client.responses.create(model="gpt-4o-mini", input=f"Translate to {lang}: {subjects[i]}")
        results.append(out.output_text)
        i += 1
    return results


def main(src, dst):
    df = pd.read_csv(src)
    df = summarise_leads(df)
    df = geocode_addresses(df)
    info = company_info(df["domain"].dropna().unique())
    df["industry"] = df["domain"].map(lambda d: info.get(d, {}).get("category", {}).get("industry"))
    push_to_hubspot(df.to_dict("records"))
    df.to_csv(dst, index=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
