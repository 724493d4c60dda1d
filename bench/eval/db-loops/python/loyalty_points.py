"""Loyalty points batch for the café chain (owner: marketing analyst). Redis + Postgres."""
import os

import psycopg2
import redis

r = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"))
pg = psycopg2.connect(os.environ["LOYALTY_DB"])
TIERS = ["bronze", "silver", "gold"]


def points_for(members):
    out = {}
    for m in members:
        # expect: db-loops/query-in-loop
        out[m] = r.zscore("points", m)
    return out


def points_for_batched(members):
    pipe = r.pipeline()
    for m in members:
        # expect-none: db-loops
        pipe.zscore("points", m)
    return dict(zip(members, pipe.execute()))


def award(purchases):
    cur = pg.cursor()
    for p in purchases:
        # expect: db-loops/query-in-loop
        r.zincrby("points", p["amount"] // 10, p["member_id"])
        # expect: db-loops/query-in-loop
        cur.execute("INSERT INTO points_log (member_id, delta) VALUES (%s, %s)", (p["member_id"], p["amount"] // 10))
    pg.commit()


def tier_sizes():
    sizes = {}
    for tier in TIERS:
        # expect-none: db-loops
        sizes[tier] = r.scard(f"tier:{tier}")
    return sizes


def member_profiles(member_ids):
    profiles = []
    for mid in member_ids:
        # expect: db-loops/query-in-loop
        profiles.append(r.hgetall(f"member:{mid}"))
    return profiles


def expire_members(member_ids):
    cur = pg.cursor()
    for mid in member_ids:
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE members SET active = false WHERE id = %s", (mid,))
        # expect: db-loops/query-in-loop
        r.delete(f"member:{mid}")
    pg.commit()


def expire_members_batched(member_ids):
    cur = pg.cursor()
    # expect-none: db-loops
    cur.execute("UPDATE members SET active = false WHERE id = ANY(%s)", (list(member_ids),))
    # expect-none: db-loops
    r.delete(*[f"member:{mid}" for mid in member_ids])
    pg.commit()


def format_leaderboard(entries):
    # expect-none: db-loops
    return "\n".join(f"{name}: {int(score)}" for name, score in entries)
