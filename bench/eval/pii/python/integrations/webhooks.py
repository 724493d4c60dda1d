"""Forwards new loan applications to the broker's intake API."""
import os

import requests

BROKER_URL = "https://intake.example-broker.com/v2/applications"


def forward(application):
    # expect: pii/pii-sent-to-third-party
    requests.post(BROKER_URL, json={"name": application.full_name, "ssn": application.ssn, "dob": application.dob}, timeout=10)
    # expect-none: pii
    requests.post(BROKER_URL + "/status", json={"id": application.id, "status": "submitted"}, timeout=10)
    # expect-none: pii
    requests.get(BROKER_URL, params={"since": application.created_at.isoformat()}, timeout=10)
