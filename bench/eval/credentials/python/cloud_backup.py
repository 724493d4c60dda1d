# Copies the shared-drive exports to S3 and Azure every night and keeps 30 days.
# Runs on Priya's laptop via Task Scheduler until IT gives us a server.
import datetime
import hashlib
import os
import subprocess

import boto3
from azure.storage.blob import BlobServiceClient

BUCKET = "acme-finance-backups"
# expect-none: credentials
KMS_KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/13bdabdb-4a04-1325-85d5-3ce75775ce1d"
# expect-none: credentials
SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:backup/azure-AbCdEf"


def s3_client():
    return boto3.client(
        "s3",
        # expect: credentials/aws-access-key-id
        aws_access_key_id="AKIAPYTADT5CZMUONMTD",
        # expect: credentials/aws-secret-access-key
        aws_secret_access_key="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",
        region_name="eu-west-1",
    )


def s3_client_temporary():
    return boto3.client(
        "s3",
        # expect: credentials/aws-access-key-id
        aws_access_key_id="ASIAA2F33OYVZAV2HDEU",
        # expect: credentials/aws-secret-access-key
        aws_secret_access_key="Bc6QSkAgw3lubd5mDf53g2tOkX24TfFXHZvHJlvA",
        # expect: credentials/hardcoded-password
        aws_session_token="Y1bT5Z63rkQBXAsIdxl5xvnh96krCpP9HVyipJWhiwJ1TGnH5PzXG59E7sY3hx3ad4AgU8OYDqdZAvqsp5dyHM8pksoIAmPMa9N9a42qKDxFZxvjQE2g9oGOocoEXOUx",
    )


def s3_client_default():
    # expect-none: credentials
    return boto3.client("s3")  # credentials from ~/.aws/credentials or the instance role


def s3_client_profile():
    # expect-none: credentials
    session = boto3.Session(profile_name="finance-backup")
    return session.client("s3")


def azure():
    # expect: credentials/azure-storage-key
    conn = "DefaultEndpointsProtocol=https;AccountName=acmefinbackup;AccountKey=Abq1AEeW9xNxNFsolr7z1VAUtdHV81yugiQ2s3mACueuS+ohgK+oJ7hKDQM92o3fwNihr8OanD+e53l3diOhb6==;EndpointSuffix=core.windows.net"
    return BlobServiceClient.from_connection_string(conn)


def azure_env():
    # expect-none: credentials
    return BlobServiceClient.from_connection_string(os.environ["AZURE_STORAGE_CONNECTION_STRING"])


def azure_sas_download(path):
    # expect: credentials/azure-storage-key
    url = "https://acmefinbackup.blob.core.windows.net/exports/ledger.xlsx?sv=2022-11-02&ss=b&srt=o&sp=rl&se=2026-01-31T18:00:00Z&st=2025-01-01T00:00:00Z&spr=https&sig=fkrU31HN0DGc%2BmAfh/qsRkSQ0x8TI6q9Uzca6r0G5O%3D"
    subprocess.run(["curl", "-sSfo", path, url], check=True)


def azure_emulator():
    # expect-none: credentials
    conn = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"
    return BlobServiceClient.from_connection_string(conn)


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def known_good():
    # expect-none: credentials
    return {"ledger.xlsx": "1557086b66350a04277c5f9a84304661a265405e1ab6f6221a5f66d652a61934", "payroll.csv": "8bea359397c1ae9ab217319b3133662c5767f343a19a8683a98ffff9519b04bb"}


def upload_all(folder):
    s3 = s3_client()
    stamp = datetime.date.today().isoformat()
    for name in os.listdir(folder):
        full = os.path.join(folder, name)
        s3.upload_file(full, BUCKET, f"{stamp}/{name}", ExtraArgs={"Metadata": {"sha256": digest(full)}})


def git_revision():
    # expect-none: credentials
    pinned_commit = "a8172a5167a64b9a39ce23b2ee97da689f2095da"
    return pinned_commit


def ssh_key():
    # expect: credentials/private-key
    return """-----BEGIN OPENSSH PRIVATE KEY-----
wCHDQ1+iCe3TqYds8Vkok16hxqWx/WdtD2OKMHoFywUI+VzRrbf87sKuIHpwKfL8
hCWwAx1O7fgArIBb2/t9qs1zz2Q3OaahY3UfUz8UAJzStJgwETQuBbpYOGxB+0JN
wkUSkMfUjlNf/tPEUI0I+54pI/isG099EA0qO7rclcazEFjtO0t0bXBjZkUn8CJE
Pb1YdK0Gz9k/Dep5GJ9VX/ktCngbLCGt0NS7rZGSbEK/BpBvwKMb5QnCKKVeY8AI
6KzW15wb342/QUoEo89ALFMrRJTtVKBbbBUCu/olGTpYAc3XDmM/LpYadApAMBUJ
rgZIm0liMD1OWwk3pGFZkfCqmbl8TyQx0F/skucQujoIP9u6e78b3P1nGbJ+QW1S
M1cuY5KG+QpYGuyAAPb8eOL8P5qzwWTftsfyj9NOILIie0hJTi86npd1xWb2BzhZ
8sxpfD83awIu2fDqTczh+rrjdE0m1ZVNqh63EzIDE+SkGVngoeDi/b91LA5fM6m/
Cv3Nl4Ta5iM9+D8LsBV36KUL==
-----END OPENSSH PRIVATE KEY-----"""


def ssh_key_path():
    # expect-none: credentials
    private_key_file = os.path.expanduser("~/.ssh/backup_ed25519")
    return private_key_file
