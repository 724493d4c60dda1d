"""Nightly marketing audience sync.

Mongo holds the event stream, Postgres (via SQLAlchemy) holds campaigns and
subscribers, Redis caches segment membership for the email tool.
"""
import asyncio
import os
from collections import defaultdict
from datetime import datetime, timedelta

import redis
from motor.motor_asyncio import AsyncIOMotorClient
from pymongo import MongoClient, UpdateOne
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.orm import Session

from models import Campaign, Subscriber, Segment

mongo = MongoClient(os.environ["MONGO_URL"])
events = mongo.analytics.events
contacts = mongo.crm.contacts
cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
engine = create_engine(os.environ["PG_URL"])

SEGMENTS = ["new", "active", "lapsed"]


def yesterday():
    return datetime.utcnow() - timedelta(days=1)


def attach_contacts(recent):
    enriched = []
    for ev in recent:
        # expect: db-loops/query-in-loop
        person = contacts.find_one({"_id": ev["contact_id"]}, {"email": 1, "country": 1})
        enriched.append({**ev, **(person or {})})
    return enriched


def attach_contacts_batched(recent):
    ids = list({ev["contact_id"] for ev in recent})
    # expect-none: db-loops
    people = {p["_id"]: p for p in contacts.find({"_id": {"$in": ids}}, {"email": 1, "country": 1})}
    return [{**ev, **people.get(ev["contact_id"], {})} for ev in recent]


def bump_scores(scores):
    for contact_id, delta in scores.items():
        # expect: db-loops/query-in-loop
        contacts.update_one({"_id": contact_id}, {"$inc": {"score": delta}})


def bump_scores_bulk(scores):
    ops = [UpdateOne({"_id": cid}, {"$inc": {"score": d}}) for cid, d in scores.items()]
    if ops:
        # expect-none: db-loops
        contacts.bulk_write(ops, ordered=False)


def cache_membership(members):
    for email, segment in members:
        # expect: db-loops/query-in-loop
        cache.sadd(f"segment:{segment}", email)


def cache_membership_pipelined(members):
    pipe = cache.pipeline()
    for email, segment in members:
        # expect-none: db-loops
        pipe.sadd(f"segment:{segment}", email)
    pipe.execute()


def open_rates(campaign_ids):
    # expect: db-loops/query-in-loop
    return {cid: cache.get(f"open_rate:{cid}") for cid in campaign_ids}


def open_rates_batched(campaign_ids):
    keys = [f"open_rate:{cid}" for cid in campaign_ids]
    # expect-none: db-loops
    return dict(zip(campaign_ids, cache.mget(keys)))


def campaign_report(session: Session):
    rows = []
    # expect-none: db-loops
    for camp in session.scalars(select(Campaign).where(Campaign.sent_at >= yesterday())):
        # expect: db-loops/query-in-loop
        seg = session.query(Segment).filter_by(id=camp.segment_id).first()
        # expect: db-loops/query-in-loop
        sent = session.execute(text("SELECT count(*) FROM sends WHERE campaign_id = :c"), {"c": camp.id}).scalar()
        rows.append((camp.name, seg.name if seg else "-", sent))
    return rows


def unsubscribe_bounced(session: Session, bounced_emails):
    for email in bounced_emails:
        # expect: db-loops/query-in-loop
        sub = session.get(Subscriber, email)
        if sub:
            sub.status = "bounced"
    session.commit()


def unsubscribe_bounced_batched(session: Session, bounced_emails):
    # expect-none: db-loops
    session.execute(update(Subscriber).where(Subscriber.email.in_(list(bounced_emails))).values(status="bounced"))
    session.commit()


def segment_sizes(session: Session):
    sizes = {}
    for name in SEGMENTS:
        # expect-none: db-loops
        sizes[name] = session.execute(text("SELECT count(*) FROM subscribers WHERE segment = :s"), {"s": name}).scalar()
    return sizes


def daily_rollup():
    by_country = defaultdict(int)
    # expect-none: db-loops
    for doc in events.aggregate([{"$match": {"ts": {"$gte": yesterday()}}}, {"$group": {"_id": "$country", "n": {"$sum": 1}}}]):
        by_country[doc["_id"]] = doc["n"]
    with engine.begin() as conn:
        for country, n in by_country.items():
            # expect: db-loops/query-in-loop
            conn.execute(text("INSERT INTO daily_events (day, country, n) VALUES (current_date, :c, :n)"), {"c": country, "n": n})
    return by_country


def daily_rollup_batched(by_country):
    with engine.begin() as conn:
        # expect-none: db-loops
        conn.execute(
            text("INSERT INTO daily_events (day, country, n) VALUES (current_date, :c, :n)"),
            [{"c": c, "n": n} for c, n in by_country.items()],
        )


def reset_flags():
    with engine.begin() as conn:
        # expect: db-loops/update-without-where
        conn.execute(text("UPDATE subscribers SET synced = false"))
        # expect-none: db-loops
        conn.execute(text("UPDATE subscribers SET synced = false WHERE synced_at < now() - interval '7 days'"))


async def tag_recent_buyers():
    amotor = AsyncIOMotorClient(os.environ["MONGO_URL"])
    orders = amotor.shop.orders
    people = amotor.crm.contacts
    # expect-none: db-loops
    async for order in orders.find({"created": {"$gte": yesterday()}}):
        # expect: db-loops/query-in-loop
        await people.update_one({"email": order["email"]}, {"$addToSet": {"tags": "buyer"}})


async def tag_recent_buyers_bulk():
    amotor = AsyncIOMotorClient(os.environ["MONGO_URL"])
    emails = await amotor.shop.orders.distinct("email", {"created": {"$gte": yesterday()}})
    # expect-none: db-loops
    await amotor.crm.contacts.update_many({"email": {"$in": emails}}, {"$addToSet": {"tags": "buyer"}})


def main():
    recent = list(events.find({"ts": {"$gte": yesterday()}}).limit(5000))
    recent = attach_contacts(recent)
    with Session(engine) as session:
        print(campaign_report(session))
    daily_rollup()
    asyncio.run(tag_recent_buyers())


if __name__ == "__main__":
    main()
