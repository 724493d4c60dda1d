"""Nightly sync of credit-union members to the CRM and the collections vendor."""
import csv
import json
import logging

import requests
import sentry_sdk
from django.db import models
from django.shortcuts import get_object_or_404

logger = logging.getLogger("member_sync")

CRM_URL = "https://crm.example-vendor.com/api/members"


class Member(models.Model):
    member_number = models.CharField(max_length=12, unique=True)
    full_name = models.CharField(max_length=200)
    # expect: pii/unencrypted-model-field
    ssn = models.CharField(max_length=11)
    # expect: pii/unencrypted-model-field
    date_of_birth = models.DateField()
    joined = models.DateField(auto_now_add=True)


class Branch(models.Model):
    code = models.CharField(max_length=8)
    city = models.CharField(max_length=80)
    opened = models.DateField()


class Newsletter(models.Model):
    email = models.EmailField()
    subscribed = models.BooleanField(default=True)


def show_member(member_id):
    member = Member.objects.get(pk=member_id)
    # expect: pii/pii-in-log
    print(member)
    # expect-none: pii
    print(member.member_number)
    # expect-none: pii
    logger.info("member %s loaded", member.pk)
    return member


def audit_active_members():
    for m in Member.objects.filter(active=True).order_by("joined"):
        # expect: pii/pii-in-log
        logger.info("auditing %s", m)


def member_page(request, member_id):
    member = get_object_or_404(Member, pk=member_id)
    # expect: pii/pii-in-log
    logger.debug("rendering page for %r", member)
    return member


def branch_report():
    branch = Branch.objects.get(code="HQ")
    # expect-none: pii
    print(branch)
    total = Member.objects.count()
    # expect-none: pii
    print(total)
    exists = Member.objects.filter(ssn__isnull=True).exists()
    # expect-none: pii
    logger.warning("members without ssn: %s", exists)
    members = Member.objects.all()
    # expect-none: pii
    print(len(members))


def newsletter_check(address):
    sub = Newsletter.objects.filter(email=address).first()
    # expect: pii/pii-in-log
    logger.info("subscription %s", sub)


def unknown_model(order_id):
    order = Order.objects.get(pk=order_id)  # noqa: F821 - defined in another app
    # expect-none: pii
    print(order)


def push_to_crm(member):
    payload = {"number": member.member_number, "name": member.full_name, "ssn": member.ssn}
    # expect: pii/pii-sent-to-third-party
    requests.post(CRM_URL, json=payload, timeout=10)


def push_birthday(member):
    body = {"number": member.member_number, "dob": member.date_of_birth.isoformat()}
    # expect: pii/pii-sent-to-third-party
    requests.put(CRM_URL + "/birthday", data=json.dumps(body), timeout=10)


def push_status(member):
    payload = {"number": member.member_number, "status": "active", "joined": str(member.joined)}
    # expect-none: pii
    requests.post(CRM_URL + "/status", json=payload, timeout=10)


def push_masked(member):
    payload = {"number": member.member_number, "ssn_last4": member.ssn[-4:]}
    # expect-none: pii
    requests.post(CRM_URL + "/verify", json=payload, timeout=10)


def push_flags(member):
    payload = {"number": member.member_number, "has_ssn": bool(member.ssn)}
    # expect-none: pii
    requests.post(CRM_URL + "/flags", json=payload, timeout=10)


def report_error(member, exc):
    context = {"member": member.member_number, "email": member.email, "phone": member.phone}
    # expect: pii/pii-sent-to-third-party
    sentry_sdk.set_context("member", context)
    context = {"member": member.member_number, "step": "sync"}
    # expect-none: pii
    sentry_sdk.set_context("sync", context)


def write_collections_file(members, path):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        for m in members:
            row = [m.member_number, m.full_name, m.ssn, m.balance]
            # expect: pii/pii-written-to-sheet-or-file
            writer.writerow(row)


def write_balance_file(members, path):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        for m in members:
            row = [m.member_number, m.branch_code, m.balance]
            # expect-none: pii
            writer.writerow(row)
            row = [m.member_number, mask(m.ssn)]  # noqa: F821
            # expect-none: pii
            writer.writerow(row)


def log_new_record(form):
    record = {"name": form["name"], "dob": form["dob"], "branch": form["branch"]}
    # expect: pii/pii-in-log
    logger.info("new application %s", record)
    summary = {"count": 1, "branch": form["branch"]}
    # expect-none: pii
    print(summary)


def log_message(member):
    msg = f"processed member {member.member_number} with SSN {member.ssn}"
    # expect: pii/pii-in-log
    print(msg)
    label = "with SSN" if member.ssn else "without SSN"
    # expect-none: pii
    print(label)
    digits = len(member.ssn)
    # expect-none: pii
    print(digits)
