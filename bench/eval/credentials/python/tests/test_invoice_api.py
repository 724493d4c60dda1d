"""Tests for the invoice API client. Values here are fake on purpose."""
import os
from unittest import mock

import pytest

from invoice_api import Client, build_headers

# expect-none: credentials
FAKE_TOKEN = "dummy-token-for-tests"
# expect-none: credentials
TEST_PASSWORD = "changeme"
# expect-none: credentials
EXAMPLE_KEY = "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX"
# expect-none: credentials
PLACEHOLDER = "<your-api-key>"


@pytest.fixture
def client():
    # expect-none: credentials
    return Client(base_url="https://invoices.example.com", api_key="test-api-key")


def test_headers_use_bearer(client):
    # expect-none: credentials
    headers = build_headers(token="xxxxxxxxxxxxxxxxxxxx")
    assert headers["Authorization"].startswith("Bearer ")


def test_env_key(monkeypatch):
    # expect-none: credentials
    monkeypatch.setenv("INVOICE_API_KEY", "fake-key")
    # expect-none: credentials
    assert Client.from_env().api_key == os.environ["INVOICE_API_KEY"]


def test_login_rejects_wrong_password(client):
    with mock.patch.object(client, "_post") as post:
        post.return_value.status_code = 401
        # expect-none: credentials
        assert not client.login("alice", password="wrong-password")


def test_live_key_against_sandbox():
    # A real sandbox key pasted by a contractor: still a key, still reported.
    # expect: credentials/stripe-secret-key
    c = Client(base_url="https://invoices.acme-internal.com", api_key="sk_test_51hecHexAwI7HS5B8lLCjEhguIEVzxrXC4pQT80M57gIGPdA2zIiUqBvZ47YEBPwVfttZ0W3s8EDJgArFiRtrFmGjOroKnautxN")
    assert c.ping()


def test_masking():
    # expect-none: credentials
    assert Client.mask("secret") == "******"
    # expect-none: credentials
    assert Client.mask("%s") == "**"
