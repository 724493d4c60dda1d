"""Models for the HR self-service portal (Django 4.2). Built by the People Ops analyst."""
from django.conf import settings
from django.db import models
from encrypted_model_fields.fields import EncryptedCharField, EncryptedDateField
from fernet_fields import EncryptedTextField


class Department(models.Model):
    name = models.CharField(max_length=120)
    cost_center = models.CharField(max_length=20)


class Employee(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # expect-none: pii
    first_name = models.CharField(max_length=80)
    # expect-none: pii
    last_name = models.CharField(max_length=80)
    # expect-none: pii
    email = models.EmailField(unique=True)
    # expect-none: pii
    phone = models.CharField(max_length=30, blank=True)
    department = models.ForeignKey(Department, on_delete=models.PROTECT)
    # expect: pii/unencrypted-model-field
    ssn = models.CharField(max_length=11, unique=True)
    # expect: pii/unencrypted-model-field
    date_of_birth = models.DateField(null=True, blank=True)
    # expect: pii/unencrypted-model-field
    passport_number = models.CharField(max_length=20, blank=True)
    # expect: pii/unencrypted-model-field
    drivers_license_no = models.CharField(max_length=20, blank=True)
    # expect-none: pii
    ssn_last4 = models.CharField(max_length=4, blank=True)
    # expect-none: pii
    has_ssn = models.BooleanField(default=False)
    # expect-none: pii
    is_dob_verified = models.BooleanField(default=False)
    # expect-none: pii
    address_book_id = models.IntegerField(null=True)
    # expect-none: pii
    salary = models.DecimalField(max_digits=10, decimal_places=2)

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class EmployeeBanking(models.Model):
    employee = models.OneToOneField(Employee, on_delete=models.CASCADE)
    # expect: pii/unencrypted-model-field
    bank_account_number = models.CharField(max_length=20)
    # expect: pii/unencrypted-model-field
    routing_number = models.CharField(max_length=9)
    # expect: pii/unencrypted-model-field
    iban = models.CharField(max_length=34, blank=True)
    # expect-none: pii
    account_number_encrypted = models.BinaryField()
    # expect-none: pii
    iban_token = models.CharField(max_length=64)


class EmployeeIdentity(models.Model):
    employee = models.OneToOneField(Employee, on_delete=models.CASCADE)
    # expect-none: pii
    ssn = EncryptedCharField(max_length=11)
    # expect-none: pii
    date_of_birth = EncryptedDateField()
    # expect-none: pii
    tax_id = EncryptedCharField(max_length=20)
    # expect-none: pii
    medical_notes = EncryptedTextField(blank=True)


class TaxProfile(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE)
    # expect: pii/unencrypted-model-field
    tax_id = models.CharField(max_length=20)
    # expect: pii/unencrypted-model-field
    national_insurance_number = models.CharField(max_length=9, blank=True)
    # expect-none: pii
    tax_year = models.PositiveSmallIntegerField()


class SickLeave(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE)
    starts_on = models.DateField()
    # expect: pii/unencrypted-model-field
    diagnosis = models.TextField(blank=True)
    # expect: pii/unencrypted-model-field
    medical_record_number = models.CharField(max_length=20, blank=True)
    # expect-none: pii
    diagnosis_count = models.PositiveIntegerField(default=0)


class SecurityQuestion(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    question = models.CharField(max_length=200)
    # expect: pii/unencrypted-model-field
    security_answer = models.CharField(max_length=200)
    # expect-none: pii
    security_answer_hash = models.CharField(max_length=128)
