"""Sales-ops enrichment jobs: scoring, geocoding and company lookups, some cached, some not."""
import functools
import time

import googlemaps
import requests
from django.core.cache import cache
from openai import OpenAI

client = OpenAI()
gmaps = googlemaps.Client(key="from-env")
_seen = set()
_geo_cache = {}
CLEARBIT = "https://company.clearbit.com/v2/companies/find"


def summarise_subjects(subjects):
    out = []
    i = 0
    while i < len(subjects):
        # expect: db-loops/api-call-in-loop
        resp = client.responses.create(model="gpt-4o-mini", input=f"Summarise: {subjects[i]}")
        out.append(resp.output_text)
        i += 1
    return out


def summarise_subjects_paced(subjects):
    out = []
    i = 0
    while i < len(subjects):
        # expect-none: db-loops
        resp = client.responses.create(model="gpt-4o-mini", input=subjects[i])
        out.append(resp.output_text)
        time.sleep(1.0)
        i += 1
    return out


def ask_with_retries(prompt):
    attempts = 0
    while attempts < 3:
        # expect-none: db-loops
        resp = client.responses.create(model="gpt-4o-mini", input=prompt)
        if resp.output_text:
            return resp.output_text
        attempts += 1


def geocode_address(address):
    result = gmaps.geocode(address)
    return result[0]["geometry"]["location"] if result else None


def geocode_address_memo(address):
    if address in _geo_cache:
        return _geo_cache[address]
    result = gmaps.geocode(address)
    _geo_cache[address] = result
    return result


@functools.cache
def company_profile(domain):
    return requests.get(CLEARBIT, params={"domain": domain}, timeout=10).json()


def place_customers(customers):
    for c in customers:
        # expect: db-loops/api-call-in-loop
        c["location"] = geocode_address(c["address"])


def place_customers_memo(customers):
    for c in customers:
        # expect-none: db-loops
        c["location"] = geocode_address_memo(c["address"])


def profile_accounts(accounts):
    for a in accounts:
        # expect-none: db-loops
        a["profile"] = company_profile(a["domain"])


class LeadScorer:
    def __init__(self, model="gpt-4o-mini"):
        self.model = model
        self._cache = {}

    def score(self, lead):
        resp = client.chat.completions.create(
            model=self.model, messages=[{"role": "user", "content": f"Score 1-10: {lead['notes']}"}]
        )
        return resp.choices[0].message.content

    def score_all(self, leads):
        for lead in leads:
            # expect: db-loops/api-call-in-loop
            lead["score"] = self.score(lead)

    def embed_all(self, texts):
        vectors = []
        for text in texts:
            if text in self._cache:
                vec = self._cache[text]
            else:
                # expect-none: db-loops
                vec = client.embeddings.create(model="text-embedding-3-small", input=text).data[0].embedding
                self._cache[text] = vec
            vectors.append(vec)
        return vectors


def enrich_domains(leads):
    for lead in leads:
        domain = lead["email"].split("@")[-1]
        if domain in _seen:
            continue
        _seen.add(domain)
        # expect-none: db-loops
        lead["company"] = requests.get(CLEARBIT, params={"domain": domain}, timeout=10).json()


def geocode_stores(stores):
    for s in stores:
        if s["address"] not in _geo_cache:
            # expect-none: db-loops
            _geo_cache[s["address"]] = gmaps.geocode(s["address"])
        s["geo"] = _geo_cache[s["address"]]


def fetch_rates(currencies):
    rates = {}
    for cur in currencies:
        cached = cache.get(f"fx:{cur}")
        if cached is not None:
            rates[cur] = cached
            continue
        # expect-none: db-loops
        rates[cur] = requests.get("https://api.exchangerate.host/latest", params={"base": cur}, timeout=10).json()
        cache.set(f"fx:{cur}", rates[cur], 3600)
    return rates


def geocode_new_only(addresses):
    # expect-none: db-loops
    return [gmaps.geocode(a) for a in addresses if a not in _geo_cache]


def fetch_rates_write_only(currencies):
    rates = {}
    for cur in currencies:
        # expect: db-loops/api-call-in-loop
        rates[cur] = requests.get("https://api.exchangerate.host/latest", params={"base": cur}, timeout=10).json()
        cache.set(f"fx:{cur}", rates[cur], 3600)
    return rates


def unique_places(addresses):
    seen = set()
    places = []
    for a in addresses:
        # expect: db-loops/api-call-in-loop
        g = gmaps.geocode(a)
        if not g or g[0]["place_id"] in seen:
            continue
        seen.add(g[0]["place_id"])
        places.append(g[0])
    return places


def refresh_all(domains):
    for d in domains:
        if len(_geo_cache) > 10000:
            _geo_cache.clear()
        # expect: db-loops/api-call-in-loop
        _geo_cache[d] = requests.get(CLEARBIT, params={"domain": d}, timeout=10).json()


def translate_paced(text):
    time.sleep(0.5)
    return client.responses.create(model="gpt-4o-mini", input=f"Translate to German: {text}").output_text


def translate_all(texts):
    # expect-none: db-loops
    return [translate_paced(t) for t in texts]


import backoff


@backoff.on_exception(backoff.expo, requests.HTTPError, max_time=60)
def post_event(event):
    return requests.post("https://api.segment.io/v1/track", json=event, timeout=10)


def replay_events(events):
    for e in events:
        # expect-none: db-loops
        post_event(e)


def translate_unpaced(text):
    return client.responses.create(model="gpt-4o-mini", input=f"Translate to French: {text}").output_text


def translate_all_unpaced(texts):
    # expect: db-loops/api-call-in-loop
    return [translate_unpaced(t) for t in texts]


def fx_for_invoices(invoices):
    for inv in invoices:
        rate = cache.get(f"fx:{inv['currency']}")
        if rate is None:
            # expect-none: db-loops
            rate = requests.get("https://api.exchangerate.host/latest", params={"base": inv["currency"]}, timeout=10).json()
            cache.set(f"fx:{inv['currency']}", rate, 3600)
        inv["rate"] = rate


def fx_filtered(invoices, blocked):
    for inv in invoices:
        if inv["currency"] in blocked:
            continue
        # expect: db-loops/api-call-in-loop
        inv["rate"] = requests.get("https://api.exchangerate.host/latest", params={"base": inv["currency"]}, timeout=10).json()


def geocode_or_cached(addresses):
    found = {}
    for a in addresses:
        # expect-none: db-loops
        found[a] = _geo_cache.get(a) or gmaps.geocode(a)
    return found


def geocode_or_default(addresses):
    found = {}
    for a in addresses:
        # expect: db-loops/api-call-in-loop
        found[a] = gmaps.geocode(a) or [{"geometry": None}]
    return found
