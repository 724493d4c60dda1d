"""Shipping desk: carrier rates, address checks and ticket summaries, with and without caches."""
import time
from functools import lru_cache

import httpx
from anthropic import Anthropic

claude = Anthropic()
rate_memo = {}
seen_zips = set()


def carrier_quote(parcel):
    resp = httpx.post("https://api.shipengine.com/v1/rates/estimate", json=parcel, timeout=15)
    return resp.json()


@lru_cache(maxsize=2048)
def zip_lookup(zip_code):
    return httpx.get(f"https://api.zippopotam.us/us/{zip_code}", timeout=10).json()


def quote_with_memo(parcel):
    key = (parcel["from"], parcel["to"], parcel["weight"])
    if key in rate_memo:
        return rate_memo[key]
    rate_memo[key] = httpx.post("https://api.shipengine.com/v1/rates/estimate", json=parcel, timeout=15).json()
    return rate_memo[key]


class TicketDesk:
    def summarise(self, ticket):
        msg = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=200,
                                     messages=[{"role": "user", "content": ticket["body"]}])
        return msg.content[0].text

    def summarise_queue(self, tickets):
        for ticket in tickets:
            # expect: db-loops/api-call-in-loop
            ticket["summary"] = self.summarise(ticket)


def quote_all(parcels):
    for p in parcels:
        # expect: db-loops/api-call-in-loop
        p["rates"] = carrier_quote(p)


def quote_all_memo(parcels):
    for p in parcels:
        p["rates"] = quote_with_memo(p)


def towns(zips):
    return [zip_lookup(z)["places"][0]["place name"] for z in zips]


def quote_queue(parcels):
    n = 0
    while n < len(parcels):
        # expect: db-loops/api-call-in-loop
        parcels[n]["rates"] = httpx.post("https://api.shipengine.com/v1/rates/estimate", json=parcels[n]).json()
        n += 1


def quote_queue_paced(parcels):
    n = 0
    while n < len(parcels):
        parcels[n]["rates"] = httpx.post("https://api.shipengine.com/v1/rates/estimate", json=parcels[n]).json()
        time.sleep(0.2)
        n += 1


def verify_zips(orders):
    for o in orders:
        if o["zip"] in seen_zips:
            continue
        seen_zips.add(o["zip"])
        o["zip_ok"] = httpx.get(f"https://api.zippopotam.us/us/{o['zip']}", timeout=10).status_code == 200


def rates_on_miss(parcels):
    for p in parcels:
        key = (p["from"], p["to"])
        if key not in rate_memo:
            rate_memo[key] = httpx.post("https://api.shipengine.com/v1/rates/estimate", json=p).json()
        p["rates"] = rate_memo[key]


def rates_memo_written_only(parcels):
    for p in parcels:
        # expect: db-loops/api-call-in-loop
        rate_memo[(p["from"], p["to"])] = httpx.post("https://api.shipengine.com/v1/rates/estimate", json=p).json()


def first_label_per_carrier(parcels):
    seen_carriers = set()
    for p in parcels:
        # expect: db-loops/api-call-in-loop
        label = httpx.post("https://api.shipengine.com/v1/labels", json=p).json()
        if label["carrier_id"] in seen_carriers:
            continue
        seen_carriers.add(label["carrier_id"])


def rates_or_memo(parcels):
    return {p["id"]: rate_memo.get(p["id"]) or carrier_quote(p) for p in parcels if p["weight"] > 0}


def rates_fallback(parcels):
    for p in parcels:
        # expect: db-loops/api-call-in-loop
        p["rates"] = carrier_quote(p) or rate_memo.get(p["id"])
