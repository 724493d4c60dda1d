"""Peewee models for the volunteer roster (SQLite file on the shared drive)."""
import peewee as pw
from pydantic import BaseModel as PydanticModel

db = pw.SqliteDatabase("volunteers.db")


class BaseModel(pw.Model):
    class Meta:
        database = db


class Volunteer(BaseModel):
    name = pw.CharField()
    email = pw.CharField(unique=True)
    # expect: pii/unencrypted-model-field
    drivers_license_number = pw.CharField(null=True)
    drivers_license_verified = pw.BooleanField(default=False)
    # expect: pii/unencrypted-model-field
    birthdate = pw.DateField(null=True)
    background_check_token = pw.CharField(null=True)


class VolunteerIn(PydanticModel):
    name: str
    email: str
    birthdate: str
