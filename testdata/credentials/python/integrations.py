"""Shared client setup for the ops automation scripts (vendor portals, CRM, storage)."""
import os

import keyring
from google.cloud import secretmanager

# --- Secrets read at run time: never reported ---------------------------------------------
GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]
GITLAB_TOKEN = os.getenv("GITLAB_TOKEN")
SAP_PASSWORD = keyring.get_password("sap", "ops_bot")
STRIPE_KEY = os.environ.get("STRIPE_SECRET_KEY", "")


def secret(name):
    client = secretmanager.SecretManagerServiceClient()
    path = f"projects/ops-automation/secrets/{name}/versions/latest"
    return client.access_secret_version(name=path).payload.data.decode()


db_secret = "projects/ops-automation/secrets/db-password/versions/latest"
vault_secret_ref = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ops/db-AbCdEf"
# --- Documentation placeholders: never reported --------------------------------------------
EXAMPLE_GITHUB_TOKEN = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
EXAMPLE_STRIPE = "sk_test_XXXXXXXXXXXXXXXXXXXXXXXX"
EXAMPLE_SLACK = "xoxb-000000000000-000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"
README_SNIPPET = "set OPENAI_API_KEY=sk-... before running"
KEY_ID_REGEX = r"(?<![A-Z0-9])AKIA[0-9A-Z]{16}(?![A-Z0-9])"
token_pattern = r"^gh[pousr]_[A-Za-z0-9]{36}$"
upload_checksum = "f018cc7c0ce6ebf2675b2b6575edbbcaaa7d9257d13236d3f069f674fed077f7"
request_uuid = "e4f2c334-8645-8d93-4ff6-db9831f9e378"

# --- Hardcoded vendor credentials -----------------------------------------------------------
# expect: credentials/github-token
GH_FINE_GRAINED = "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"
# expect: credentials/github-token
GH_APP_INSTALL = "ghs_oOOL8dKLzdocJ2isAjIhKtJ0RlgLKO24tJGF"
# expect: credentials/gitlab-token
gitlab_private_token = "glpat-AX126iIv5EED5Rw-CO9J"
# expect: credentials/stripe-secret-key
STRIPE_TEST_KEY = "sk_test_AdacGOKYXpuKp6PN6gnqXC8LwW8L3A5J"
# expect: credentials/stripe-secret-key
STRIPE_WEBHOOK_SECRET = "whsec_KxkPZYV46liWUtKE5pnjhmU25D0O3OP9"
# expect: credentials/google-oauth-client-secret
OAUTH_CLIENT = {"client_id": "612093847561-abc.apps.googleusercontent.com", "client_secret": "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"}
# expect: credentials/mailgun-api-key
MAILGUN_API_KEY = "key-2aba1857e2b44768d4cea333824c56b9"
# expect: credentials/hubspot-token
HUBSPOT = "pat-eu1-e0bdae01-1a68-2b6f-5cdc-c633b2a1e9a6"
# expect: credentials/square-token
SQUARE_APP_SECRET = "sq0csp-clVhNLA5v0oW-E4YGzv_v8NYfvknnjxxx3bZpn0FK1p"
# expect: credentials/braintree-access-token
BRAINTREE = "access_token$production$j9b4o53z441o8g3d$29db71dfee46adbe6f012cf9c440fa18"
# expect: credentials/huggingface-token
HF_TOKEN = "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"
# expect: credentials/groq-api-key
GROQ = "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"
# expect: credentials/atlassian-api-token
JIRA_TOKEN = "ATATT3xFfGF0FN7VR63mAYhzIvGLTf8GnH1xIyQpXGlPwxLiDhyVbW6wiwZQB9vf2K08cUmhLk27I2oHnEPJmSFt5iYvQsYRcOIWN1dvqd4EJdT6ex1pMe25qFVBc3lzkh6nJgBb7dXVfNyB4j9W4X4JG10BF3e5d_Qm6V3vBuK9cvHYrHMJhO=992C6D57"
# expect: credentials/dropbox-token
DROPBOX = "sl.AroGnrzfEoLzo4DCwFYoHyB-8A8rhxRmtr4R7PP2pXPnZvq6zdsIK-rPYS7EMlbLY6cbdupSa1drtRpPz9lLf-88x2iU-ju0plKKY7K41V7vDLa1uYseBcK1Ce6Qb95R9d7ko8tg_8"
# expect: credentials/databricks-token
DATABRICKS = "dapi052e100cde21400be7950d6b3fa9225b"
# expect: credentials/digitalocean-token
DO_TOKEN = "dop_v1_da51ba517c1274001ca741f51ef7c881590961c8c856bb1f969b0809df15fe1b"
# expect: credentials/linear-api-key
LINEAR = "lin_api_kAUwN7zlsX0P4cehDLslr9RGqF0lSVlqWurfTEUH"
# expect: credentials/okta-api-token
OKTA_API_TOKEN = "00CPoUcQUsUd8DVNX9zGewvGmONLbS1r-LibpgRr6e"
# expect: credentials/postmark-server-token
POSTMARK_SERVER_TOKEN = "1578d7d9-a5b3-e2d3-0d38-67c7da08b7f8"
# expect: credentials/grafana-token
GRAFANA = "glsa_iqnk94doSj1rWS9nFhEq8pPNIJyhzYyQ_4c128287"
# expect: credentials/azure-storage-key
BLOB_CONN = "DefaultEndpointsProtocol=https;AccountName=opsreports;AccountKey=uCzjFDaNgi8d3PQbVBB9NjrYzviT+lYsFWmc9u4T8XMuA7XK8YqjmenkA0myJddU5F7LWIkti3keOeuhRmbgGN==;EndpointSuffix=core.windows.net"
# expect: credentials/azure-storage-key
EXPORT_URL = "https://opsreports.blob.core.windows.net/exports/q3.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-12-31T00:00:00Z&sig=axYPL3oNR9TEr8WmO4RBb9ZH83bHn0L22y7DGUIirzj%3D"
# expect: credentials/connection-string-password
SQLSERVER = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:ops-sql.database.windows.net,1433;Database=ops;Uid=ops_bot;Pwd=3a6Dn*AfJJMN;Encrypt=yes;"
SQLSERVER_ENV = f"Driver={{ODBC Driver 18 for SQL Server}};Server=ops-sql;Database=ops;Uid=ops_bot;Pwd={os.environ['SQL_PW']};"
# expect: credentials/connection-string-password
MONGO = "mongodb+srv://ops_bot:aM864^HOn3GV@cluster0.x7k2p.mongodb.net/inventory?retryWrites=true"
MONGO_DOCS = "mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/test"
AMQP_LOCAL = "amqp://guest:guest@localhost:5672/"
BROKER_DOCS = "redis://:password@localhost:6379/0"
