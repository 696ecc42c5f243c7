"""Forms of the reportability rule screens: propose a program rule, approve or reject it, and
record follow-up information on a safety case."""

from __future__ import annotations

from typing import Any

from django import forms

from caredesk.safety.reportability.calendars import CALENDAR_COUNTRIES, ClockUnit
from caredesk.safety.reportability.rules import JURISDICTIONS, PRODUCT_TYPES, TRIGGERS
from caredesk.safety.services.rules_program import ENTRY_KEYS

_CHOICES = {
    "jurisdiction": [(j, j) for j in JURISDICTIONS],
    "product_types": [(p, p.replace("_", " ")) for p in PRODUCT_TYPES],
    "trigger": [(t, t.replace("_", " ")) for t in TRIGGERS],
    "unit": [(u.value, u.value.replace("_", " ")) for u in ClockUnit],
    "calendar": [("", "— (calendar days / hours)")] + [(c, c) for c in CALENDAR_COUNTRIES],
}
_DATE = forms.DateInput(attrs={"type": "date"})


class ProgramRuleForm(forms.Form):
    program = forms.TypedChoiceField(coerce=int, choices=())
    name = forms.CharField(
        max_length=60, help_text="Short name, e.g. partner-10-day or handoff-24h (a-z, 0-9, -)"
    )
    replaces = forms.ChoiceField(required=False, choices=(), label="Overrides file rule")
    kind = forms.CharField(max_length=60, help_text="Report kind, e.g. us_rx_15_day_alert")
    jurisdiction = forms.ChoiceField(choices=_CHOICES["jurisdiction"])
    product_types = forms.MultipleChoiceField(
        choices=_CHOICES["product_types"], widget=forms.CheckboxSelectMultiple
    )
    trigger = forms.ChoiceField(choices=_CHOICES["trigger"], initial="initial")
    when = forms.CharField(
        max_length=300, help_text="Condition, e.g. death or life_threatening; always"
    )
    clock = forms.IntegerField(min_value=1, max_value=3650)
    unit = forms.ChoiceField(choices=_CHOICES["unit"])
    calendar = forms.ChoiceField(choices=_CHOICES["calendar"], required=False)
    group = forms.CharField(max_length=40, required=False)
    citation = forms.CharField(max_length=500, help_text="Agreement, SOP or regulation")
    basis = forms.CharField(max_length=500, help_text="Why the report is due, in words")
    effective_from = forms.DateField(required=False, widget=_DATE)
    effective_to = forms.DateField(required=False, widget=_DATE)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args: Any, programs: Any = (), file_rules: Any = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        program_field = self.fields["program"]
        assert isinstance(program_field, forms.ChoiceField)
        program_field.choices = [(p.pk, p.name) for p in programs]
        replaces_field = self.fields["replaces"]
        assert isinstance(replaces_field, forms.ChoiceField)
        replaces_field.choices = [("", "— (an added rule)")] + [
            (r.rule_id, f"{r.rule_id} ({r.clock} {r.unit.replace('_', ' ')})") for r in file_rules
        ]

    def entry(self) -> dict[str, Any]:
        """The rule in the fields of rules.yaml (the service validates it)."""
        data = self.cleaned_data
        return {key: data.get(key) for key in ENTRY_KEYS}


class ApproveForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput, help_text="Re-enter your password to sign (21 CFR 11.200)"
    )
    note = forms.CharField(max_length=2000, required=False)


class RejectForm(forms.Form):
    note = forms.CharField(max_length=2000, label="Why")


class FollowUpInformationForm(forms.Form):
    received_on = forms.DateField(widget=_DATE, label="Received on")
    summary = forms.CharField(max_length=2000, label="New information")
    significant = forms.BooleanField(required=False, initial=True)
