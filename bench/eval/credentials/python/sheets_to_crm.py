"""Copies the 'Leads' Google Sheet into Salesforce, files attachments to the SFTP drop,
opens Jira tickets for big deals and books Zoom calls. Owner: revenue operations."""
import ftplib
import os

import gspread
import paramiko
import requests
from jira import JIRA
from requests.auth import HTTPBasicAuth
from simple_salesforce import Salesforce

SERVICE_ACCOUNT_INFO = {
    "type": "service_account",
    "project_id": "revops-sheets",
    # expect-none: credentials
    "private_key_id": "6b0974afa74193304885ee914f149f83b5ae08e9",
    # expect: credentials/gcp-service-account-key
    "private_key": "-----BEGIN PRIVATE KEY-----\n38cVn8hocuiTQfnguix8PlCRAOT05nKfeOLvHNh/ZOCBRK6iIT6Y2YTIicpDiYmf\nb9atdsaANN+bWyc0N38GKP+FaFVf06Es8e9FhstPAjzlPKMFCakyxi+jUloQcfx0\nOljgNdjCYpc1vYMJqVIvLQKt4CST4LBZWm6i6X89qyhxrrhbuaYuV8GEpAj08dNP\nu0DmtFQuOyDwYfFTRVBQaeIKJ8NFRXlCQH5T/8+gXdnSUtG4PpuLQrtsxaoI2eGj\nGHP4lkY6FYQYVdfnSjj3u+ymHGjyJQYVGxcWHfo93uif23EFW3Z8bjprCXh+wM98\nrFLcsw3YgXRFph5st32Cbm0SmlGd5wM9ClltNmDrh6zM5YwW+q+NyW3ZncI4O3Nb\nH0XwXC0x0+dAnoNy8in4cAmwBCtfRxU91A0rsG7ms6z8+tbq2OwvrmfPzLlQSvWb\naFE5Y41Riem/I8vnupL9sMeeOwl2hYy5FtBRYoBd3B5574YrPVbPk0zRxoLF/uKC\nTMnHzXo/bdQASar24clMzFx/==\n-----END PRIVATE KEY-----\n",
    "client_email": "leads-sync@revops-sheets.iam.gserviceaccount.com",
    # expect-none: credentials
    "token_uri": "https://oauth2.googleapis.com/token",
}


def leads():
    gc = gspread.service_account_from_dict(SERVICE_ACCOUNT_INFO)
    return gc.open_by_key("1Qw8ErTy6UiOp0AsDfGhJkLzXcVbNm1234567890abc").worksheet("Leads").get_all_records()


def leads_from_file():
    # expect-none: credentials
    gc = gspread.service_account(filename=os.path.expanduser("~/.config/gspread/service_account.json"))
    return gc.open("Leads").sheet1.get_all_records()


def salesforce():
    # expect: credentials/hardcoded-password
    return Salesforce(username="revops@acme.com", password="tBqL=luWYY-wa1", security_token="Q3A3kjnPa3eGxZwJrAoz")


def salesforce_env():
    # expect-none: credentials
    return Salesforce(username=os.environ["SF_USER"], password=os.environ["SF_PASSWORD"], security_token=os.environ["SF_TOKEN"])


def jira():
    # expect: credentials/atlassian-api-token
    return JIRA("https://acme.atlassian.net", basic_auth=("revops@acme.com", "ATATT3xFfGF0Llu_tE_P6osypQSH27dz6UY-3EQs021cyLVcHZbNsD3QYUbUJ4TcfCWNkgkOVhJBg8a3X-KlVlWx4acLp5hQNK0wt8rr2x7UFU5x2hEV-Xq9B6FwTYXavV9huMQD52BHxnAAITbO4Pqg8xW7PQvyFqSeghsGthq1IYP9JWVA6G=1F350A4B"))


def jira_env():
    # expect-none: credentials
    return JIRA("https://acme.atlassian.net", basic_auth=(os.environ["JIRA_USER"], os.environ["JIRA_TOKEN"]))


def sftp_upload(path):
    transport = paramiko.Transport(("sftp.acme-partner.com", 22))
    # expect: credentials/hardcoded-password
    transport.connect(username="acme_revops", password="TyjkK*Z0Ryx.jo2")
    sftp = paramiko.SFTPClient.from_transport(transport)
    sftp.put(path, "/inbound/" + os.path.basename(path))


def ftp_upload(path):
    with ftplib.FTP("ftp.acme-partner.com") as ftp:
        # expect: credentials/hardcoded-password
        ftp.login(user="acme_revops", passwd="YriK*F5q-JxA6")
        with open(path, "rb") as fh:
            ftp.storbinary("STOR " + os.path.basename(path), fh)


def partner_api(lead):
    # expect: credentials/hardcoded-password
    auth = HTTPBasicAuth("revops", "NGkg-eLl+G4Ri")
    return requests.post("https://api.acme-partner.com/leads", json=lead, auth=auth, timeout=30)


def partner_api_tuple(lead):
    # expect: credentials/hardcoded-password
    return requests.post("https://api.acme-partner.com/leads", json=lead, auth=("revops", "muM-sebOk-1C"), timeout=30)


def partner_api_env(lead):
    # expect-none: credentials
    auth = HTTPBasicAuth(os.environ["PARTNER_USER"], os.environ["PARTNER_PASSWORD"])
    return requests.post("https://api.acme-partner.com/leads", json=lead, auth=auth, timeout=30)


def zoom_token():
    # expect: credentials/zoom-client-secret
    ZOOM_CLIENT_SECRET = "X4yE2DlcepCzdZvbsGRsRfakk6oXiVvA"
    ZOOM_CLIENT_ID = "q8Xz1LmN2oPq3RsT4uVw"
    ZOOM_ACCOUNT_ID = "aB3dE5fG7hI9jK1lM3nO"
    r = requests.post(
        "https://zoom.us/oauth/token",
        params={"grant_type": "account_credentials", "account_id": ZOOM_ACCOUNT_ID},
        auth=(ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET),
    )
    return r.json()["access_token"]


def dropbox_upload(path):
    import dropbox
    # expect: credentials/dropbox-token
    dbx = dropbox.Dropbox("sl.u.ydZPGmaJ9pRj0wVFK3rNpb6KfIQPgG4-oJ0vz1zL--yqdJtYNL4ag77HY484czEHx18MSMjuqmC_m2cIOEqRBOOU1gQmoH-6KD_GUN8H34Qi46xxanAEt6tNmhFvmCNf0kANbDq0Ntxg")
    with open(path, "rb") as fh:
        dbx.files_upload(fh.read(), "/RevOps/" + os.path.basename(path))


def square_payments():
    # expect: credentials/square-token
    headers = {"Authorization": "Bearer sq0atp-WW1f0TPFathP7mnQO--Fee", "Square-Version": "2024-01-18"}
    return requests.get("https://connect.squareup.com/v2/payments", headers=headers).json()


def paypal_token():
    # expect: credentials/paypal-credential
    paypal_secret = "EZWzwDFrlGXl-z1BVXBt7wRkl8OZfIa2AUk7z7gTqBu4wweocv81k2lsNaWQrZzhB4GZqT8hqt0pmpsL"
    paypal_client_id = "AZiwCdMnxhTBA3dvvIS81bMIkvobKsj1iF16CUXtYmjyf0odVmMKQ5NAKIVEp6lfFr"
    r = requests.post("https://api-m.paypal.com/v1/oauth2/token", auth=(paypal_client_id, paypal_secret),
                      data={"grant_type": "client_credentials"})
    return r.json()["access_token"]


def monday_items():
    # expect: credentials/monday-api-token
    headers = {"Authorization": "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiNjQ0NzQiLCAiaWF0IjogMTYyODg0MjUyOCwgInNjb3BlIjogImFkbWluIn0.GXchGGhB9bVcXoj0W9wag8TlTe0xkQtd2qvN0pHl9TN", "API-Version": "2024-01"}
    return requests.post("https://api.monday.com/v2", json={"query": "{ boards (limit: 5) { id name } }"}, headers=headers).json()


def token_refresh_help():
    # expect-none: credentials
    message = "Your Salesforce security token was reset; check your email for the new token."
    # expect-none: credentials
    token_refresh_days = 30
    return message, token_refresh_days
