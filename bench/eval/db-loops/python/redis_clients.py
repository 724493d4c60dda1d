"""Stock badge counts for the shop dashboard, kept in Redis."""
import os

import redis

cache = redis.Redis(host=os.environ["REDIS_HOST"], port=6379, db=0)
store = redis.from_url(os.environ["REDIS_URL"])
local_cache = {}


def badge_counts(skus):
    # expect: db-loops/query-in-loop
    return {sku: cache.get(f"badge:{sku}") for sku in skus}


def badge_counts_batched(skus):
    # expect-none: db-loops
    values = cache.mget([f"badge:{sku}" for sku in skus])
    return dict(zip(skus, values))


def local_counts(skus):
    # expect-none: db-loops
    return {sku: local_cache.get(sku) for sku in skus}


def bump_views(skus):
    for sku in skus:
        # expect: db-loops/query-in-loop
        store.incr(f"views:{sku}")


def bump_views_pipelined(skus):
    pipe = store.pipeline()
    for sku in skus:
        # expect-none: db-loops
        pipe.incr(f"views:{sku}")
    pipe.execute()
