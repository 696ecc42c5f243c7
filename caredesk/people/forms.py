"""Forms of the people pages. They parse input; people.services hold the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from caredesk.people.models import Channel, PersonRole
from caredesk.people.services.persons import PersonInput
from caredesk.tenancy.models import Program
from caredesk.tenancy.services import writable_programs

# Field names the service reports → the form's field names.
SERVICE_FIELD_ALIASES = {"phones": "phone", "emails": "email", "addresses": "address"}


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Name, phone, email or lot number",
        required=False,
        widget=forms.TextInput(
            attrs={"type": "search", "autofocus": True, "placeholder": "e.g. Pharma, 202-555…"}
        ),
    )


class PersonForm(forms.Form):
    program = forms.ModelChoiceField(queryset=Program.objects.none())
    first_name = forms.CharField(max_length=100, required=False)
    last_name = forms.CharField(max_length=100, required=False)
    role = forms.ChoiceField(choices=PersonRole.choices, initial=PersonRole.CONSUMER)
    language = forms.CharField(max_length=8, initial="en")
    time_zone = forms.CharField(
        max_length=64, required=False, help_text="IANA, e.g. America/Chicago"
    )
    preferred_channel = forms.ChoiceField(choices=[("", "—"), *Channel.choices], required=False)
    date_of_birth = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    phone = forms.CharField(max_length=40, required=False)
    email = forms.CharField(max_length=254, required=False)
    address = forms.CharField(max_length=500, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [program.pk for program in writable_programs(user)]
        field = self.fields["program"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Program.objects.visible_to(user).filter(pk__in=ids).order_by("name")
        if len(ids) == 1:
            field.initial = ids[0]

    def to_input(self) -> PersonInput:
        data = self.cleaned_data
        return PersonInput(
            first_name=data["first_name"].strip(),
            last_name=data["last_name"].strip(),
            role=data["role"],
            language=data["language"].strip(),
            time_zone=data["time_zone"].strip(),
            preferred_channel=data["preferred_channel"],
            date_of_birth=data["date_of_birth"],
            phones=[data["phone"]] if data["phone"].strip() else [],
            emails=[data["email"]] if data["email"].strip() else [],
            addresses=[data["address"]] if data["address"].strip() else [],
        )
