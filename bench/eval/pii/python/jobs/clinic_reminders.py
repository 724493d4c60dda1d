"""Sends appointment reminders and logs what was sent. Owner: clinic front desk."""
import logging

from twilio.rest import Client

logger = logging.getLogger(__name__)


def send_reminders(patients, twilio: Client, sender):
    for patient in patients:
        body = f"Hi {patient.first_name}, see you tomorrow at {patient.appointment_time:%H:%M}."
        twilio.messages.create(to=patient.mobile_phone, from_=sender, body=body)
        # expect: pii/pii-in-log
        logger.info("Reminder sent to %s for %s", patient.mobile_phone, patient.diagnosis)
        # expect: pii/pii-in-log
        logger.debug(f"Patient {patient.medical_record_number} reminded")
        # expect-none: pii
        logger.info("Reminder %s sent for appointment %s", patient.id, patient.appointment_id)
        # expect: pii/pii-in-log
        print("Reminded", patient.email)
    # expect-none: pii
    logger.info("Sent %d reminders", len(patients))


def audit(patient):
    # expect: pii/pii-in-log
    logger.warning("Insurance member id mismatch: %s", patient.insurance_member_id)
    # expect-none: pii
    logger.warning("Insurance member id mismatch for patient %s", patient.id)
    # expect-none: pii
    logger.info("has diagnosis: %s", patient.diagnosis is not None)
    # expect: pii/pii-in-log
    logger.info("Home address on file: %s", patient.home_address)
