"""Clinic back-office script: SQLAlchemy models and a few maintenance commands."""
import logging

from sqlalchemy import Column, Date, Integer, String, create_engine
from sqlalchemy.orm import declarative_base, sessionmaker

log = logging.getLogger(__name__)
Base = declarative_base()
engine = create_engine("sqlite:///clinic.db")
Session = sessionmaker(bind=engine)


class Patient(Base):
    __tablename__ = "patients"
    id = Column(Integer, primary_key=True)
    name = Column(String(120))
    # expect: pii/unencrypted-model-field
    diagnosis = Column(String(200))
    # expect: pii/unencrypted-model-field
    insurance_member_id = Column(String(40))


class Room(Base):
    __tablename__ = "rooms"
    id = Column(Integer, primary_key=True)
    label = Column(String(20))
    floor = Column(Integer)


def check_patient(pid):
    session = Session()
    patient = session.query(Patient).get(pid)
    # expect: pii/pii-in-log
    log.debug("loaded %s", patient)
    # expect-none: pii
    log.debug("loaded patient id=%s", patient.id)
    room = session.query(Room).filter(Room.floor == 2).first()
    # expect-none: pii
    print(room)


def list_patients():
    session = Session()
    for p in session.query(Patient).order_by(Patient.name):
        # expect: pii/pii-in-log
        print(p)
    count = session.query(Patient).count()
    # expect-none: pii
    print(count)


def rooms_overview():
    session = Session()
    for r in session.query(Room).all():
        # expect-none: pii
        print(r)
