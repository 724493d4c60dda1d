"""Async API helpers for the field-service dashboard (FastAPI + motor)."""
import asyncio
import os

import aiohttp
from motor.motor_asyncio import AsyncIOMotorClient

mongo = AsyncIOMotorClient(os.environ["MONGO_URL"])
fsdb = mongo.fieldservice
PRIORITIES = ["low", "normal", "urgent"]


async def technician_names(visits):
    out = []
    for visit in visits:
        # expect: db-loops/query-in-loop
        tech = await fsdb.technicians.find_one({"_id": visit["tech_id"]})
        out.append(tech["name"])
    return out


async def technician_names_batched(visits):
    ids = list({v["tech_id"] for v in visits})
    # expect-none: db-loops
    techs = {t["_id"]: t async for t in fsdb.technicians.find({"_id": {"$in": ids}})}
    return [techs[v["tech_id"]]["name"] for v in visits]


async def close_visits(visit_ids):
    for vid in visit_ids:
        # expect: db-loops/query-in-loop
        await fsdb.visits.update_one({"_id": vid}, {"$set": {"closed": True}})


async def close_visits_batched(visit_ids):
    # expect-none: db-loops
    await fsdb.visits.update_many({"_id": {"$in": list(visit_ids)}}, {"$set": {"closed": True}})


async def queue_depths():
    out = {}
    for p in PRIORITIES:
        # expect-none: db-loops
        out[p] = await fsdb.visits.count_documents({"priority": p, "closed": False})
    return out


async def weather_for_sites(sites):
    async with aiohttp.ClientSession() as session:
        for site in sites:
            # expect: db-loops/api-call-in-loop
            async with session.get("https://api.openweathermap.org/data/2.5/weather",
                                   params={"lat": site["lat"], "lon": site["lng"], "appid": os.environ["OWM_KEY"]}) as r:
                site["weather"] = await r.json()


async def sync_loop():
    # expect-none: db-loops
    while True:
        await fsdb.visits.update_many({"state": "scheduled", "late": True}, {"$set": {"state": "late"}})
        await asyncio.sleep(120)
