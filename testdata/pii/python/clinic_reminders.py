"""Sends appointment reminders; run nightly from cron by the clinic operations lead."""
import logging
import math
from pprint import pprint

from .db import session
from .models import Patient, Visit

log = logging.getLogger("reminders")


class ReminderJob:
    def __init__(self, sms_client):
        self.sms = sms_client
        self.logger = logging.getLogger("reminders.job")

    def run(self, day):
        patients = session.query(Patient).join(Visit).filter(Visit.day == day).all()
        self.logger.info("Sending %d reminders for %s", len(patients), day)
        for patient in patients:
            # expect: pii/pii-in-log
            self.logger.debug(f"Reminder for {patient.full_name} (MRN {patient.mrn}, DOB {patient.dob:%Y-%m-%d})")
            self.logger.debug("Reminder for patient id=%s", patient.id)
            if patient.diagnosis is None:
                log.warning("Patient %s has no diagnosis recorded", patient.id)
            # expect: pii/pii-in-log
            log.info("Diagnosis for %s: %s", patient.id, patient.diagnosis)
            self.sms.send(patient.mobile, f"Reminder: appointment on {day}")
            # expect: pii/pii-in-log
            print({"patient": patient.id, "mobile_phone": patient.mobile})
            print("Sent reminder to patient", patient.id)

    def debug_dump(self, patient):
        # expect: pii/pii-in-log
        pprint(patient.medical_record_number)
        pprint(vars(patient).keys())


def angle_report(samples):
    for sample in samples:
        sin = math.sin(sample.angle)
        pan = sample.pan
        print("sin", sin, "pan", pan)
        print("Date of birth field missing for sample", sample.id)
        log.error("Invalid SSN format in upload %s", sample.upload_id)


def payroll_summary(rows):
    avg_salary = sum(r["salary"] for r in rows) / len(rows)
    max_salary = max(r["salary"] for r in rows)
    print(f"Average salary {avg_salary:.2f}, max {max_salary:.2f}")
    logging.info("Salary bands: %s", sorted({r["band"] for r in rows}))
    for r in rows:
        # expect: pii/pii-in-log
        print(r["employee_id"], r["annual_salary"])
