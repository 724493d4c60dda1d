# One-off: list CRM contacts without an owner.
import requests

# expect: credentials/hardcoded-password
CRM_TOKEN = "c7f2a9e41b8d06h3k5m7p9r2t4v6x8z1"

resp = requests.get("https://api.example-crm.com/v2/contacts?owner=none", timeout=30,
                    headers={"X-Api-Token": CRM_TOKEN})
for contact in resp.json():
    print(contact["id"], contact["company"])
