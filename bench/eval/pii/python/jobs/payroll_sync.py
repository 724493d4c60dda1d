"""Nightly sync of the payroll spreadsheet into the HR database. Runs from cron on the ops VM."""
import logging
import sys

from hr_portal.models import Employee
from .sheets import read_payroll_rows

log = logging.getLogger("payroll_sync")


def mask(value):
    return "***-**-" + value[-4:] if value else ""


def sync():
    rows = read_payroll_rows()
    log.info("Read %d rows from the payroll sheet", len(rows))
    ssn_count = sum(1 for r in rows if r.get("ssn"))
    # expect-none: pii
    log.info("Rows with an SSN: %d", ssn_count)
    for row in rows:
        employee = Employee.objects.filter(email=row["email"]).first()
        if employee is None:
            # expect: pii/pii-in-log
            log.warning("No employee for %s (SSN %s)", row["email"], row["ssn"])
            continue
        # expect-none: pii
        log.debug("Updating employee %s", employee.pk)
        # expect-none: pii
        log.info("SSN on file for %s: %s", employee.pk, mask(employee.ssn))
        # expect-none: pii
        log.info("Employee %s has_ssn=%s", employee.pk, bool(employee.ssn))
        if row["date_of_birth"] != employee.date_of_birth:
            # expect: pii/pii-in-log
            log.info("DOB changed for %s: %s -> %s", employee.pk, employee.date_of_birth, row["date_of_birth"])
        # expect: pii/pii-in-log
        print(f"Synced {employee.first_name} {employee.last_name}, passport {employee.passport_number}")
        # expect: pii/pii-in-log
        logging.debug("bank details: %s / %s", row["routing_number"], row["bank_account_number"])
        # expect-none: pii
        print("Synced employee", employee.pk)
        try:
            employee.save()
        except Exception:
            # expect: pii/pii-in-log
            log.exception("Could not save employee with tax id %s", row["tax_id"])
    # expect-none: pii
    print("Done. Missing SSN:", sum(1 for r in rows if not r.get("ssn")), file=sys.stderr)


def report_salary_outliers(employees, median_salary):
    for emp in employees:
        if emp.salary > 3 * median_salary:
            # expect: pii/pii-in-log
            log.warning("Salary outlier: %s earns %s", emp.email, emp.salary)
    # expect-none: pii
    log.info("Median salary this month: %s", median_salary)


def debug_dump(applicant):
    # expect: pii/pii-in-log
    print("applicant:", applicant["ssn"], applicant["dob"])
    # expect: pii/pii-in-log
    print(repr(applicant.get("credit_card_number")))
    # expect-none: pii
    print("applicant keys:", sorted(applicant.keys()))
    # expect-none: pii
    log.info("Fields required: ssn, dob, address")
