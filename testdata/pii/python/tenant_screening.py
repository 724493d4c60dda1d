"""Tenant screening helper: records built in variables, then logged, written or sent."""
import csv
import json
import logging

import requests
from django.db import models

log = logging.getLogger(__name__)
BUREAU = "https://screening.example-bureau.com/v2/checks"


class Tenant(models.Model):
    unit = models.CharField(max_length=10)
    # expect: pii/unencrypted-model-field
    passport_number = models.CharField(max_length=20)
    moved_in = models.DateField()


class Unit(models.Model):
    label = models.CharField(max_length=10)
    rent = models.DecimalField(max_digits=8, decimal_places=2)


def screen(tenant_id):
    tenant = Tenant.objects.get(pk=tenant_id)
    # expect: pii/pii-in-log
    log.info("screening %s", tenant)
    # expect-none: pii
    log.info("screening tenant %s in unit %s", tenant.pk, tenant.unit)
    unit = Unit.objects.get(label=tenant.unit)
    # expect-none: pii
    print(unit)
    vacancies = Unit.objects.filter(rent__gt=0).count()
    # expect-none: pii
    print(vacancies)
    check = {"unit": tenant.unit, "passport": tenant.passport_number}
    # expect: pii/pii-sent-to-third-party
    requests.post(BUREAU, data=json.dumps(check), timeout=5)
    status = {"unit": tenant.unit, "passport_on_file": bool(tenant.passport_number)}
    # expect-none: pii
    requests.post(BUREAU + "/status", json=status, timeout=5)


def nightly(tenants, path):
    for t in Tenant.objects.all():
        # expect: pii/pii-in-log
        print(t)
    with open(path, "w", newline="") as fh:
        out = csv.writer(fh)
        for t in tenants:
            line = (t.unit, t.passport_number, t.moved_in)
            # expect: pii/pii-written-to-sheet-or-file
            out.writerow(line)
            line = (t.unit, t.moved_in)
            # expect-none: pii
            out.writerow(line)
            note = f"tenant in {t.unit} has passport {t.passport_number}"
            # expect: pii/pii-in-log
            log.debug(note)
            shown = t.passport_number[-3:]
            # expect-none: pii
            log.debug(shown)
