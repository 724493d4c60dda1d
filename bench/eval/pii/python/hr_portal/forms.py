from django import forms

from .models import Employee


class EmployeeForm(forms.ModelForm):
    # expect-none: pii
    ssn = forms.CharField(max_length=11, widget=forms.PasswordInput)
    # expect-none: pii
    date_of_birth = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Employee
        fields = ["first_name", "last_name", "email", "ssn", "date_of_birth"]


class SearchForm(forms.Form):
    # expect-none: pii
    ssn_last4 = forms.CharField(max_length=4, required=False)
