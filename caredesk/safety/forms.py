"""Forms of the safety screens. They parse input; the rules stay in safety.services.

Choice fields that point at records (products, interactions) list only rows of the safety
case's own program and case, so another program's id is "not one of the available choices".
"""

from __future__ import annotations

from typing import Any

from django import forms

from caredesk.cases.models import Interaction
from caredesk.safety.models import Criterion, FindingKind, FollowUpOutcome, SafetyCase
from caredesk.safety.models_detail import (
    ActionTaken,
    Causality,
    DrugRole,
    ReactionOutcome,
    Route,
)
from caredesk.safety.screening.codes import Seriousness
from caredesk.safety.services.case_form import DrugInput, ReactionInput
from caredesk.safety.services.handoff import REPORT_FLAG_NAMES
from caredesk.tenancy.models import Product


class _Prefixed(forms.Form):
    id_prefix = "s"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


# Findings panel (one per interaction on the case page) -------------------------------------


class ConfirmForm(forms.Form):
    note = forms.CharField(max_length=2000, required=False)


class DismissForm(forms.Form):
    reason = forms.CharField(max_length=2000, help_text="Why this is not reportable")


class AddFindingForm(forms.Form):
    kind = forms.ChoiceField(choices=FindingKind.choices)
    code = forms.CharField(
        max_length=40, help_text="e.g. adverse_event, overdose, packaging, tampering"
    )
    note = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ClearForm(forms.Form):
    note = forms.CharField(max_length=2000, required=False)


# Safety case page --------------------------------------------------------------------------


class PatientForm(_Prefixed):
    id_prefix = "patient"
    description = forms.CharField(
        label="Patient (initials, age, sex, weight)", max_length=300, required=False
    )


SERIOUSNESS_CHOICES = [(s.value, s.value.replace("_", " ").capitalize()) for s in Seriousness]
EXPECTED_CHOICES = [("", "Unknown"), ("yes", "Expected (listed)"), ("no", "Unexpected")]


class AssessmentForm(_Prefixed):
    id_prefix = "assessment"
    seriousness = forms.MultipleChoiceField(
        choices=SERIOUSNESS_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    expected = forms.ChoiceField(choices=EXPECTED_CHOICES, required=False)
    report_flags = forms.MultipleChoiceField(
        label="Device / EU flags",
        choices=[(n, n.replace("_", " ")) for n in sorted(REPORT_FLAG_NAMES)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=20000
    )

    @classmethod
    def for_case(cls, safety_case: SafetyCase) -> AssessmentForm:
        expected = {True: "yes", False: "no", None: ""}[safety_case.expected]
        flags = [k for k, v in (safety_case.report_flags or {}).items() if v]
        return cls(
            initial={
                "seriousness": safety_case.seriousness,
                "expected": expected,
                "report_flags": flags,
                "narrative": safety_case.narrative,
            }
        )

    def expected_value(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data["expected"])

    def flags_value(self) -> dict[str, bool]:
        chosen = set(self.cleaned_data["report_flags"])
        return {name: name in chosen for name in REPORT_FLAG_NAMES}


class CaseInteractionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.received_at:%Y-%m-%d %H:%M} · {obj.get_channel_display()} #{obj.pk}"


class CriterionForm(_Prefixed):
    id_prefix = "criterion"
    criterion = forms.ChoiceField(choices=Criterion.choices)
    evidence = forms.CharField(max_length=2000, help_text="What identifies it")
    source = CaseInteractionChoice(
        queryset=Interaction.objects.none(), help_text="The contact it was received in"
    )

    def __init__(self, *args: Any, safety_case: SafetyCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["source"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Interaction.objects.filter(case_id=safety_case.case_id).order_by(
            "received_at", "pk"
        )


class FollowUpForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[
            c
            for c in FollowUpOutcome.choices
            if c[0] not in (FollowUpOutcome.PLANNED, FollowUpOutcome.CANCELLED)
        ]
    )
    note = forms.CharField(max_length=2000, required=False)


class ReactionForm(_Prefixed):
    id_prefix = "reaction"
    verbatim = forms.CharField(label="Reaction as reported", max_length=250)
    term_id = forms.IntegerField(
        label="Coded term", required=False, min_value=1, widget=forms.HiddenInput
    )
    onset = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    outcome = forms.ChoiceField(choices=ReactionOutcome.choices, initial=ReactionOutcome.UNKNOWN)

    def to_input(self) -> ReactionInput:
        return ReactionInput(**self.cleaned_data)


class DrugForm(_Prefixed):
    id_prefix = "drug"
    role = forms.ChoiceField(choices=DrugRole.choices, initial=DrugRole.SUSPECT)
    product = forms.ModelChoiceField(
        queryset=Product.objects.none(), required=False, help_text="A product of the program"
    )
    name = forms.CharField(
        max_length=200, required=False, help_text="Or the name as reported (other products)"
    )
    lot_number = forms.CharField(max_length=60, required=False)
    dose = forms.CharField(max_length=100, required=False)
    route = forms.ChoiceField(choices=[("", "—"), *Route.choices], required=False)
    indication = forms.CharField(max_length=250, required=False)
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    stop = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    action_taken = forms.ChoiceField(choices=ActionTaken.choices, initial=ActionTaken.UNKNOWN)
    causality = forms.ChoiceField(choices=Causality.choices, initial=Causality.NOT_ASSESSED)

    def __init__(self, *args: Any, safety_case: SafetyCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["product"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Product.objects.filter(program_id=safety_case.program_id).order_by("name")

    def to_input(self) -> DrugInput:
        data = dict(self.cleaned_data)
        product = data.pop("product")
        return DrugInput(product_id=product.pk if product else None, **data)


class CloseForm(forms.Form):
    reason = forms.CharField(max_length=2000)


# QA review ---------------------------------------------------------------------------------


class QaDrawForm(forms.Form):
    program = forms.IntegerField(min_value=1)
    week = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))


class QaReviewForm(forms.Form):
    verdict = forms.ChoiceField(choices=[("agree", "Agree"), ("missed", "Missed")])
    note = forms.CharField(max_length=2000, required=False)
    kind = forms.ChoiceField(choices=[("", "—"), *FindingKind.choices], required=False)
    code = forms.CharField(max_length=40, required=False)
