"""Billing database for the membership desk (SQLAlchemy 2.0)."""
from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy_utils import StringEncryptedType
from sqlalchemy_utils.types.encrypted.encrypted_type import AesEngine

from .config import settings


class Base(DeclarativeBase):
    pass


class Member(Base):
    __tablename__ = "members"

    id = Column(Integer, primary_key=True)
    # expect-none: pii
    full_name = Column(String(200), nullable=False)
    # expect-none: pii
    email = Column(String(255), unique=True)
    # expect-none: pii
    home_city = Column(String(80))
    # expect: pii/unencrypted-model-field
    birth_date = Column(Date)
    # expect: pii/unencrypted-model-field
    social_security_number = Column(String(11))
    # expect-none: pii
    has_ssn = Column(Boolean, default=False)
    payments = relationship("Payment", back_populates="member")


class Payment(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    # expect-none: pii
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    # expect: pii/unencrypted-model-field
    card_number: Mapped[str] = mapped_column(String(19))
    # expect: pii/unencrypted-model-field
    cvv: Mapped[str] = mapped_column(String(4))
    # expect-none: pii
    card_token: Mapped[str] = mapped_column(String(64))
    # expect-none: pii
    card_last4: Mapped[str] = mapped_column(String(4))
    # expect-none: pii
    card_expiry: Mapped[str] = mapped_column(String(5))
    member = relationship("Member", back_populates="payments")


class MemberSecret(Base):
    __tablename__ = "member_secrets"

    id = Column(Integer, primary_key=True)
    # expect-none: pii
    ssn = Column(StringEncryptedType(String, settings.FIELD_KEY, AesEngine, "pkcs5"))
    # expect-none: pii
    iban = Column(LargeBinary)
    # expect-none: pii
    email_hash = Column(String(64), index=True)
    # expect: pii/unencrypted-model-field
    bank_account_no = Column(String(20))
    # expect: pii/unencrypted-model-field
    diagnosis_notes = Column(Text)
