"""Clients for the data-platform services the nightly sync talks to (one token per service)."""
import os

import requests

# --- Secrets managers -------------------------------------------------------------------
# expect: credentials/doppler-token
DOPPLER_SERVICE_TOKEN = "dp.st.prd.jRlBR1isnnXVS2NqZTBzsJVzcFkVenQGxR1DJsLOQ5K"
DOPPLER_FROM_ENV = os.environ.get("DOPPLER_TOKEN")
# Doppler service tokens start with dp.st. followed by the config name and the token itself.
# expect-none: credentials
DOPPLER_DOCS = "dp.st.dev.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
# expect: credentials/vault-token
VAULT_TOKEN = "hvs.Gds4OqJahoHd7qpdRKlSU8Y1_JqubvDelwYATtCHyRU49bcnS1hKrOmpwDKej9xyVyGUx1z_qj7gVEhMAe5xsidZBphAI-J"
# expect-none: credentials
VAULT_SHORT_LIVED = "hvs.CAESIJ"  # an accessor prefix from the audit log, not a token
VAULT_ADDR = os.environ.get("VAULT_ADDR", "https://vault.internal.example.com:8200")
# expect: credentials/age-secret-key
BACKUP_IDENTITY = "AGE-SECRET-KEY-16J83TZQMDX40XDE3ZA90FEU4CQBQUMLZ1XPOXCT6A72R1EG8N2DI16W4PR"
# expect-none: credentials
BACKUP_RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"

# --- Developer platforms ----------------------------------------------------------------
# expect: credentials/pypi-token
TWINE_PASSWORD = "pypi-AgEIcHlwaS5vcmcS3LYO6hYKuUN6JPKk9BqmhcPIHc-f4d-ls8EEOfdPcWaeFr2m0oywAcmG_VUSXLWhh9L6brhkpiAVXuToMDzo2bICDbyUAeQoZT19rCc7EnuLNTowtSLwVsfkMKhk2erNqygqHjBAdqN"
# expect-none: credentials
TWINE_USERNAME = "__token__"
# expect: credentials/postman-api-key
POSTMAN_API_KEY = "PMAK-34d5688e6c201f19671191f3-52ad3d21d2dce40e16f3b3484cb3e50003"
# expect-none: credentials
POSTMAN_COLLECTION = "https://api.getpostman.com/collections/18234570-6c2f-4b1e-9e44-0c3d2a1b9f77"
# expect: credentials/new-relic-key
NEW_RELIC_USER_KEY = "NRAK-VEK3XIYN44FBVSWTV7F1ODHYVET"
# expect-none: credentials
NEW_RELIC_ACCOUNT_ID = "3418572"

# --- Maps and AI services ---------------------------------------------------------------
# expect: credentials/mapbox-secret-token
MAPBOX_UPLOAD_TOKEN = "sk.eyJ1IjoiraiqzuOp8OyctzLMyYdqSmF4SpBb8L.QNW2fPZLzBYJKIu1uofT4X"
MAPBOX_PUBLIC_TOKEN = os.environ["MAPBOX_PUBLIC_TOKEN"]
# expect: credentials/perplexity-api-key
PERPLEXITY_KEY = "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"
PERPLEXITY_MODEL = "sonar-pro"
# expect: credentials/replicate-api-token
REPLICATE_API_TOKEN = "r8_glSm3mlWGxtBkXB3DpoqO16WmIvolScCJkDfw"
REPLICATE_MODEL = "stability-ai/sdxl"


def salesforce_session():
    session = requests.Session()
    # A session id pasted from the browser's developer tools while debugging the export.
    # expect: credentials/salesforce-access-token
    session.headers["Authorization"] = "Bearer 00DitHbtEY0Tu4ERxB!Vw01DL9RKFflH9nrml0gMhVIchiAlPJ9ujmmFG4kZYHWE96IVM_MzGnPv9TuXDAzgunZaVii7Nh7L7VJaRCUORZIm92vinmJPU7kdHyK2xZTrPOr"
    return session


def salesforce_session_from_env():
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + os.environ["SF_ACCESS_TOKEN"]
    # The org id alone (00D + 15 characters) is not a credential.
    # expect-none: credentials
    session.headers["Sforce-Org-Id"] = "00DitHbtEY0Tu4ERxB"
    return session
