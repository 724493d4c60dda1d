"""Monthly payroll reconciliation: pulls employees from the HR database and writes the bank file.

Run by the finance analyst on the first business day of the month.
"""
import csv
import logging
import sys
from datetime import date

import psycopg2

logger = logging.getLogger(__name__)
logging.basicConfig(level=logging.INFO)


def mask(value, keep=4):
    return "*" * (len(value) - keep) + value[-keep:]


def load_employees(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT employee_id, full_name, ssn, date_of_birth, bank_account_number, salary FROM employees")
        rows = cur.fetchall()
    logger.info("Loaded %d employees", len(rows))
    return [
        {"id": r[0], "name": r[1], "ssn": r[2], "date_of_birth": r[3], "bank_account_number": r[4], "salary": r[5]}
        for r in rows
    ]


def reconcile(employees):
    ssns = [e["ssn"] for e in employees if e["ssn"]]
    logger.info("Employees with SSN on file: %d", len(ssns))
    print("Checking SSN and date of birth for", len(employees), "employees")
    for emp in employees:
        ssn = emp["ssn"]
        if not ssn:
            logger.warning("Employee %s has no SSN on file", emp["id"])
            continue
        # expect: pii/pii-in-log
        print(f"Processing {emp['name']} SSN {ssn}")
        logger.debug("SSN ends with %s", ssn[-4:])
        logger.info("Masked SSN for %s: %s", emp["id"], mask(ssn))
        # expect: pii/pii-in-log
        logging.info("Employee " + emp["name"] + " born " + str(emp["date_of_birth"]))
        # expect: pii/pii-in-log
        logger.error("Bank account %s rejected for %s", emp["bank_account_number"], emp["id"])
        # expect: pii/pii-in-log
        print("Salary for {}: {}".format(emp["id"], emp["salary"]))
        ssn_count = len(ssns)
        print("ssn_count", ssn_count)
        print(f"Row {emp['id']} has_ssn={bool(ssn)} ssn_last4={ssn[-4:]}")


def write_bank_file(employees, path):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["employee_id", "name", "amount", "account_last4"])
        for emp in employees:
            # expect: pii/pii-written-to-sheet-or-file
            writer.writerow([emp["id"], emp["name"], emp["salary"], emp["bank_account_number"][-4:]])


def write_audit_file(employees, path):
    with open(path, "w", newline="") as fh:
        # expect: pii/pii-written-to-sheet-or-file
        writer = csv.DictWriter(fh, fieldnames=["id", "name", "ssn", "date_of_birth"])
        writer.writeheader()
        for emp in employees:
            writer.writerow({k: emp[k] for k in ("id", "name", "ssn", "date_of_birth")})


def write_benefits_file(employees, path):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        # expect: pii/pii-written-to-sheet-or-file
        writer.writerow(["Employee ID", "Name", "SSN", "Date of Birth"])
        for emp in employees:
            # expect: pii/pii-written-to-sheet-or-file
            writer.writerow([emp["id"], emp["name"], emp["ssn"], emp["date_of_birth"].isoformat()])


if __name__ == "__main__":
    connection = psycopg2.connect(dsn=sys.argv[1])
    staff = load_employees(connection)
    reconcile(staff)
    write_bank_file(staff, f"bank_{date.today():%Y%m}.csv")
    print("Done:", len(staff), "employees exported")
