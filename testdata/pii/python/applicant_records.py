"""Records kept by the tenant-screening tool: one JSON file per applicant on the shared drive."""
import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from pydantic import BaseModel, SecretStr, constr


@dataclass
class Applicant:
    applicant_id: int
    full_name: str
    # expect: pii/unencrypted-model-field
    ssn: str
    # expect: pii/unencrypted-model-field
    date_of_birth: date
    # expect: pii/unencrypted-model-field
    bank_account_number: Optional[str] = None
    # expect-none: pii
    ssn_encrypted: bytes = b""
    # expect-none: pii
    ssn_last4: str = ""
    # expect-none: pii
    card_token: str = ""
    # expect-none: pii
    passport_number_hash: str = ""
    notes: list = field(default_factory=list)

    def summary(self) -> str:
        # expect-none: pii
        ssn: str = "***-**-" + self.ssn_last4
        return f"{self.full_name} ({ssn})"


@dataclasses.dataclass(frozen=True)
class BackgroundCheck:
    applicant_id: int
    # expect: pii/unencrypted-model-field
    drivers_license_number: str
    # expect-none: pii
    has_ssn: bool = False


class TenantRecord(BaseModel):
    tenant_id: int
    email: str
    # expect: pii/unencrypted-model-field
    tax_id: constr(max_length=11)
    # expect: pii/unencrypted-model-field
    credit_card_number: str | None = None
    # expect-none: pii
    iban: SecretStr
    # expect-none: pii
    iban_encrypted: bytes
    # expect-none: pii
    ssn_hash: str
    # expect-none: pii
    diagnosis_token: str


class ApplicantCreateRequest(BaseModel):
    """Request body of the intake form; the handler encrypts before saving."""
    # expect-none: pii
    ssn: str
    # expect-none: pii
    date_of_birth: date


class ScreeningOptions:
    """A plain class is neither a record type nor a model."""
    # expect-none: pii
    ssn: str = "required"
