"""Campaign click counters in Redis, next to an in-process dict of the same kind of name."""
import redis

kv = redis.StrictRedis(host="localhost")
memo = {}


def record_clicks(campaign_ids):
    for cid in campaign_ids:
        # expect: db-loops/query-in-loop
        kv.incr(f"clicks:{cid}")


def record_clicks_pipelined(campaign_ids):
    pipe = kv.pipeline()
    for cid in campaign_ids:
        # expect-none: db-loops
        pipe.incr(f"clicks:{cid}")
    pipe.execute()


def cached_names(campaign_ids):
    # expect-none: db-loops
    return [memo.get(cid) for cid in campaign_ids]
