"""Lead enrichment job: LLM summaries, geocoding, Redis cache, helper functions that query."""
import os
import time

import googlemaps
import psycopg2
import redis
import requests
from openai import OpenAI

client = OpenAI()
gmaps = googlemaps.Client(key=os.environ["MAPS_KEY"])
cache = redis.Redis()
conn = psycopg2.connect(os.environ["LEADS_DB"])
CHANNELS = ["email", "phone"]


def summarise(leads):
    for lead in leads:
        # expect: db-loops/api-call-in-loop
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": lead["notes"]}])
        lead["summary"] = reply.choices[0].message.content


def summarise_politely(leads):
    for lead in leads:
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": lead["notes"]}])
        lead["summary"] = reply.choices[0].message.content
        time.sleep(0.5)


def embed(leads):
    # One request for the whole list: the batched form.
    return client.embeddings.create(model="text-embedding-3-small", input=[l["notes"] for l in leads])


def embed_each(leads):
    # expect: db-loops/api-call-in-loop
    return [client.embeddings.create(model="text-embedding-3-small", input=l["notes"]) for l in leads]


def geocode(leads):
    for lead in leads:
        # expect: db-loops/api-call-in-loop
        lead["geo"] = gmaps.geocode(lead["address"])


def channel_stats():
    return {c: requests.get(f"https://stats.example.com/{c}").json() for c in CHANNELS}


def push_in_pages(rows):
    for start in range(0, len(rows), 100):
        requests.post("https://api.example-crm.com/batch", json=rows[start:start + 100])


def cached_scores(lead_ids):
    scores = {}
    for lead_id in lead_ids:
        # expect: db-loops/query-in-loop
        scores[lead_id] = cache.hget("scores", lead_id)
    return scores


def cached_scores_pipelined(lead_ids):
    pipe = cache.pipeline()
    for lead_id in lead_ids:
        pipe.hget("scores", lead_id)
    return dict(zip(lead_ids, pipe.execute()))


def owner_of(lead_id):
    cur = conn.cursor()
    cur.execute("SELECT owner FROM leads WHERE id = %s", (lead_id,))
    return cur.fetchone()[0]


def label(lead):
    return lead["name"].title()


def owners(leads):
    out = []
    for lead in leads:
        # expect: db-loops/query-in-loop
        out.append((label(lead), owner_of(lead["id"])))
    return out


def owners_by_id(leads):
    # expect: db-loops/query-in-loop
    return {lead["id"]: owner_of(lead["id"]) for lead in leads}


def run_script(path):
    # One statement per iteration of a script file: running a script, not N+1.
    statements = [s for s in open(path).read().split(";") if s.strip()]
    cur = conn.cursor()
    for statement_text in statements:
        cur.execute(statement_text)
    conn.commit()


def reload_staging(rows):
    # SQL in strings passed to execute() is parsed as SQL, so the SQL rules apply to it.
    cur = conn.cursor()
    # expect: db-loops/update-without-where
    cur.execute("DELETE FROM lead_staging")
    cur.execute("DELETE FROM lead_staging_errors WHERE logged_at < now() - interval '7 days'")
    cur.execute("TRUNCATE lead_staging_archive")
    cur.executemany("INSERT INTO lead_staging (id, name) VALUES (%s, %s)", rows)
    # expect: db-loops/update-without-where
    cur.execute("""UPDATE leads
                   SET score = 0""")
    table = "lead_staging"
    cur.execute(f"DELETE FROM {table}")
    print("DELETE FROM lead_staging")
