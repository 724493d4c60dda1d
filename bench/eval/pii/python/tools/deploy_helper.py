"""Deploys the reporting job to Cloud Run and wires its service account. Written by the BI lead."""
import logging
import os
import subprocess

log = logging.getLogger(__name__)


def grant(project, service_account_email, sa_email=None):
    # expect-none: pii
    log.warning("Grant roles/run.invoker to %s in %s", service_account_email, project)
    if sa_email:
        # expect-none: pii
        log.info("Also granting to {}".format(sa_email))
    # expect-none: pii
    print("Using robot account", os.environ.get("BOT_EMAIL"), "as", os.environ.get("SUPPORT_EMAIL"))


def patch_pth(site_dir):
    for name in os.listdir(site_dir):
        full_name = os.path.join(site_dir, name)
        if full_name.endswith(".pth"):
            # expect-none: pii
            print("patching .pth from", full_name)


def parse_example():
    """Example input for the line parser:

        # expect-none: pii
        22 111-22-3333 #221B
    """
    # expect-none: pii
    return subprocess.run(["echo", "ssn : 111-22-3333"], check=False)
