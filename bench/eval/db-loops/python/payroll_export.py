"""Monthly payroll export for the HR shared drive.

Written by the people-ops analyst with help from an assistant; runs on the first of the month.
"""
import csv
import os
import time

import psycopg2
import pymysql

DEPARTMENTS = ["finance", "sales", "support"]
PAY_GRADES = ("A", "B", "C", "D")


def open_db():
    return psycopg2.connect(os.environ["HR_DB_URL"])


def salaries_for(conn, employee_ids):
    out = {}
    cur = conn.cursor()
    for emp_id in employee_ids:
        # expect: db-loops/query-in-loop
        cur.execute("SELECT base_salary, bonus FROM salaries WHERE employee_id = %s", (emp_id,))
        out[emp_id] = cur.fetchone()
    return out


def salaries_for_batched(conn, employee_ids):
    cur = conn.cursor()
    # expect-none: db-loops
    cur.execute("SELECT employee_id, base_salary, bonus FROM salaries WHERE employee_id = ANY(%s)", (list(employee_ids),))
    return {row[0]: row[1:] for row in cur.fetchall()}


def headcount_by_department(conn):
    cur = conn.cursor()
    counts = {}
    for dept in DEPARTMENTS:
        # expect-none: db-loops
        cur.execute("SELECT COUNT(*) FROM employees WHERE department = %s", (dept,))
        counts[dept] = cur.fetchone()[0]
    return counts


def grade_ceilings(conn):
    cur = conn.cursor()
    result = {}
    for grade in PAY_GRADES:
        # expect-none: db-loops
        cur.execute("SELECT MAX(base_salary) FROM salaries WHERE grade = %s", (grade,))
        result[grade] = cur.fetchone()[0]
    return result


def write_export(conn, path):
    cur = conn.cursor()
    cur.execute("SELECT id, name, manager_id FROM employees WHERE active")
    employees = cur.fetchall()
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        for emp in employees:
            # expect: db-loops/query-in-loop
            cur.execute("SELECT name FROM employees WHERE id = %s", (emp[2],))
            manager = cur.fetchone()
            writer.writerow([emp[0], emp[1], manager[0] if manager else ""])


def mark_exported(conn, rows):
    cur = conn.cursor()
    # expect-none: db-loops
    cur.executemany("UPDATE payslips SET exported = true WHERE id = %s", [(r["id"],) for r in rows])
    conn.commit()


def mark_exported_slowly(conn, rows):
    cur = conn.cursor()
    for r in rows:
        if r.get("skip"):
            continue
        # expect: db-loops/query-in-loop
        cur.execute("UPDATE payslips SET exported = true WHERE id = %s", (r["id"],))
    conn.commit()


def find_manager_with_budget(conn, managers):
    cur = conn.cursor()
    for m in managers:
        # expect-none: db-loops
        cur.execute("SELECT remaining FROM budgets WHERE manager_id = %s", (m,))
        if cur.fetchone()[0] > 0:
            return m
    return None


def legacy_mysql_sync(rows):
    db = pymysql.connect(host=os.environ["LEGACY_HOST"], user="hr_sync", password=os.environ["LEGACY_PW"])
    with db.cursor() as cursor:
        for row in rows:
            # expect: db-loops/query-in-loop
            cursor.execute("REPLACE INTO staff (id, name, dept) VALUES (%s, %s, %s)", (row["id"], row["name"], row["dept"]))
        db.commit()


def legacy_mysql_sync_batched(rows):
    db = pymysql.connect(host=os.environ["LEGACY_HOST"], user="hr_sync", password=os.environ["LEGACY_PW"])
    with db.cursor() as cursor:
        # expect-none: db-loops
        cursor.executemany("REPLACE INTO staff (id, name, dept) VALUES (%s, %s, %s)", [(r["id"], r["name"], r["dept"]) for r in rows])
        db.commit()


def retry_connect():
    for attempt in range(5):
        try:
            conn = open_db()
            # expect-none: db-loops
            conn.cursor().execute("SELECT 1")
            return conn
        except psycopg2.OperationalError:
            time.sleep(2 ** attempt)
    raise RuntimeError("database unreachable")


def vacation_balances(conn, employees):
    cur = conn.cursor()
    return {
        # expect: db-loops/query-in-loop
        e["id"]: cur.execute("SELECT days FROM vacation WHERE employee_id = %s", (e["id"],)) or cur.fetchone()
        for e in employees
    }
