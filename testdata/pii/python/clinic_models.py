"""SQLAlchemy models for the clinic scheduling tool."""
from datetime import date
from typing import Optional

from sqlalchemy import Column, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy_utils import StringEncryptedType
from sqlalchemy_utils.types.encrypted.encrypted_type import AesEngine

from .config import settings


class Base(DeclarativeBase):
    pass


class Patient(Base):
    __tablename__ = "patients"

    id = Column(Integer, primary_key=True)
    full_name = Column(String(120), nullable=False)
    # expect: pii/unencrypted-model-field
    mrn = Column(String(20), unique=True)
    # expect: pii/unencrypted-model-field
    dob: Mapped[date] = mapped_column(Date)
    # expect: pii/unencrypted-model-field
    diagnosis: Mapped[Optional[str]] = mapped_column(Text)
    ssn = Column(StringEncryptedType(String, settings.FIELD_KEY, AesEngine, "pkcs5"))
    insurance_card_scan = Column(LargeBinary)
    diagnosis_code_count = Column(Integer, default=0)
    visits = relationship("Visit", back_populates="patient")


class Visit(Base):
    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patients.id"))
    diagnosis = relationship("Diagnosis")
    notes: Mapped[str] = mapped_column(Text)
    patient = relationship("Patient", back_populates="visits")


class Billing(Base):
    __tablename__ = "billing"

    id = Column(Integer, primary_key=True)
    card_token = Column(String(64))
    card_last4 = Column(String(4))
    # expect: pii/unencrypted-model-field
    card_number = Column(String(19))
    time_span = Column(Integer)
