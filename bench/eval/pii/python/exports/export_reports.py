"""Exports for the finance team: monthly payroll CSV, benefits Excel, the shared Google Sheet."""
import csv

import gspread
import pandas as pd
from sqlalchemy import create_engine

engine = create_engine("postgresql+psycopg2:///hr")


def payroll_csv(path):
    df = pd.read_sql("SELECT employee_id, full_name, ssn, bank_account_number, salary FROM employees", engine)
    # expect: pii/pii-written-to-sheet-or-file
    df[["employee_id", "full_name", "ssn", "salary"]].to_csv(path, index=False)


def payroll_summary_csv(path):
    df = pd.read_sql("SELECT employee_id, department, salary FROM employees", engine)
    summary = df.groupby("department")["salary"].agg(["count", "mean"])
    # expect-none: pii
    summary.to_csv(path)


def payroll_redacted_csv(path):
    df = pd.read_sql("SELECT employee_id, full_name, ssn FROM employees", engine)
    # expect-none: pii
    df.drop(columns=["ssn"]).to_csv(path, index=False)


def benefits_excel(path):
    df = pd.read_sql("SELECT * FROM benefits_enrollment", engine)
    # expect: pii/pii-written-to-sheet-or-file
    df[["name", "date_of_birth", "plan"]].to_excel(path, sheet_name="Enrollment")


def write_bank_file(employees, path):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        # expect: pii/pii-written-to-sheet-or-file
        writer.writerow(["Employee", "IBAN", "Amount"])
        for emp in employees:
            # expect: pii/pii-written-to-sheet-or-file
            writer.writerow([emp.full_name, emp.iban, emp.net_pay])


def write_headcount(employees, path):
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        # expect-none: pii
        writer.writerow(["Department", "Headcount", "Employees with SSN on file"])
        for dept, people in employees.items():
            # expect-none: pii
            writer.writerow([dept, len(people), sum(1 for p in people if p.has_ssn)])


def write_applicants(applicants, path):
    with open(path, "w", newline="") as fh:
        # expect: pii/pii-written-to-sheet-or-file
        writer = csv.DictWriter(fh, fieldnames=["name", "email", "passport_number", "dob"])
        writer.writeheader()
        # expect: pii/pii-written-to-sheet-or-file
        writer.writerows({"name": a.name, "email": a.email, "passport_number": a.passport_number, "dob": a.dob} for a in applicants)


def write_contact_list(members, path):
    with open(path, "w", newline="") as fh:
        # expect-none: pii
        writer = csv.DictWriter(fh, fieldnames=["name", "email", "ssn_last4"])
        writer.writeheader()
        for m in members:
            # expect-none: pii
            writer.writerow({"name": m.name, "email": m.email, "ssn_last4": m.ssn[-4:]})


def push_to_shared_sheet(employees):
    gc = gspread.service_account()
    ws = gc.open("HR Master 2025").worksheet("Employees")
    # expect: pii/pii-written-to-sheet-or-file
    ws.append_row(["Name", "SSN", "Date of birth", "Salary"])
    for emp in employees:
        # expect: pii/pii-written-to-sheet-or-file
        ws.append_row([emp.full_name, emp.ssn, str(emp.date_of_birth), float(emp.salary)])
    # expect: pii/pii-written-to-sheet-or-file
    ws.update("A2", [[e.full_name, e.medical_record_number] for e in employees])
    # expect-none: pii
    ws.update("H1", [["Last synced", "2025-01-31"]])
    # expect-none: pii
    ws.append_row(["Total", len(employees)])
