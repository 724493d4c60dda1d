"""Django models for the HR onboarding portal (built by the People Ops analyst)."""
from django.db import models
from django import forms
from fernet_fields import EncryptedCharField, EncryptedDateField
from rest_framework import serializers


class Department(models.Model):
    name = models.CharField(max_length=100)
    cost_center = models.CharField(max_length=20)


class Employee(models.Model):
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    work_email = models.EmailField(unique=True)
    department = models.ForeignKey(Department, on_delete=models.PROTECT)
    # expect: pii/unencrypted-model-field
    ssn = models.CharField(max_length=11)
    # expect: pii/unencrypted-model-field
    date_of_birth = models.DateField(null=True)
    ssn_last4 = models.CharField(max_length=4, blank=True)
    has_ssn = models.BooleanField(default=False)
    ssn_verified_at = models.DateTimeField(null=True)
    passport_number = EncryptedCharField(max_length=20, blank=True)
    birth_date_encrypted = EncryptedDateField(null=True)
    # expect: pii/unencrypted-model-field
    bank_account_number = models.CharField(max_length=34, blank=True)
    routing_number_hash = models.CharField(max_length=64, blank=True)
    address_book_id = models.IntegerField(null=True)
    start_date = models.DateField()

    def __str__(self):
        return f"{self.first_name} {self.last_name}"


class EmergencyContact(models.Model):
    employee = models.ForeignKey(Employee, on_delete=models.CASCADE)
    name = models.CharField(max_length=120)
    phone = models.CharField(max_length=20)
    diagnosis = models.ForeignKey("health.Diagnosis", null=True, on_delete=models.SET_NULL)


class OnboardingForm(forms.Form):
    ssn = forms.CharField(max_length=11)
    date_of_birth = forms.DateField()


class EmployeeSerializer(serializers.ModelSerializer):
    ssn = serializers.CharField(write_only=True)

    class Meta:
        model = Employee
        fields = ["id", "first_name", "last_name", "ssn_last4"]
