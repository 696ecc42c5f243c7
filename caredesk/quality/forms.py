"""Forms of the quality screens. Choice fields list only the complaint's own program's
products and lots, so another program's id is an invalid choice, never a lookup."""

from __future__ import annotations

from typing import Any

from django import forms

from caredesk.quality.models import Complaint, SampleCondition, ShipmentKind, ShipmentStatus
from caredesk.tenancy.models import Lot, Product

YES_NO = [("no", "No"), ("yes", "Yes")]
TEXTAREA = forms.Textarea(attrs={"rows": 3})
WHEN = forms.DateTimeInput(attrs={"type": "datetime-local"})


class _Ids(forms.Form):
    """Several forms share the complaint page: each gets its own element-id prefix."""

    id_prefix = "f"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


def _lots(program_id: int) -> Any:
    return Lot.objects.filter(product__program_id=program_id).select_related("product")


class ComplaintForm(_Ids):
    """The record fields of a complaint file (820.198(e)), pre-filled from the complaint."""

    id_prefix = "record"

    product = forms.ModelChoiceField(queryset=Product.objects.none(), required=False)
    lot = forms.ModelChoiceField(queryset=Lot.objects.none(), required=False)
    udi = forms.CharField(label="UDI / serial", max_length=100, required=False)
    complainant_name = forms.CharField(max_length=200, required=False)
    complainant_address = forms.CharField(widget=TEXTAREA, max_length=2000, required=False)
    complainant_phone = forms.CharField(max_length=40, required=False)
    nature = forms.CharField(widget=TEXTAREA, max_length=20000)
    categories = forms.CharField(max_length=500, help_text="Category codes, comma-separated")
    quantity_affected = forms.IntegerField(min_value=0, max_value=10**9, required=False)
    failed_specifications = forms.NullBooleanField(
        label="Device failed its specifications", required=False
    )
    in_use_for_treatment = forms.NullBooleanField(
        label="In use for treatment or diagnosis", required=False
    )
    relationship_to_event = forms.CharField(widget=TEXTAREA, max_length=5000, required=False)

    def __init__(self, *args: Any, complaint: Complaint, **kwargs: Any) -> None:
        if not args and "data" not in kwargs:
            kwargs["initial"] = {
                **{name: getattr(complaint, name) for name in self.base_fields},
                "categories": ", ".join(complaint.categories),
            }
        super().__init__(*args, **kwargs)
        products = Product.objects.filter(program_id=complaint.program_id).order_by("name")
        self.fields["product"].queryset = products  # type: ignore[attr-defined]
        self.fields["lot"].queryset = _lots(complaint.program_id)  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["categories"] = [c.strip() for c in data["categories"].split(",") if c.strip()]
        return data


class ReportabilityForm(_Ids):
    id_prefix = "reportability"
    reportable = forms.ChoiceField(choices=[("no", "Not reportable"), ("yes", "Reportable")])
    justification = forms.CharField(max_length=5000, widget=TEXTAREA)


class InvestigationDecisionForm(_Ids):
    id_prefix = "decision"
    investigate = forms.ChoiceField(
        choices=[("yes", "Investigate"), ("no", "No investigation needed")]
    )
    justification = forms.CharField(
        max_length=5000,
        widget=TEXTAREA,
        required=False,
        help_text="Required when there is no investigation (e.g. the prior investigation it is "
        "covered by)",
    )


class InvestigationForm(_Ids):
    id_prefix = "investigation"
    results = forms.CharField(max_length=20000, widget=TEXTAREA)
    investigated_on = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    root_cause = forms.CharField(max_length=5000, widget=TEXTAREA, required=False)
    corrective_action = forms.CharField(
        max_length=5000, required=False, help_text="Correction or CAPA reference"
    )


class ReplyForm(_Ids):
    id_prefix = "reply"
    text = forms.CharField(label="Reply to the complainant", max_length=10000, widget=TEXTAREA)
    replied_at = forms.DateTimeField(required=False, widget=WHEN, help_text="Default: now")


class CloseForm(_Ids):
    id_prefix = "close"
    note = forms.CharField(max_length=1000, required=False)


class ReasonForm(_Ids):
    id_prefix = "reason"
    reason = forms.CharField(max_length=2000)


class ShipmentRequestForm(_Ids):
    id_prefix = "shipment"
    kind = forms.ChoiceField(choices=ShipmentKind.choices)
    quantity = forms.IntegerField(min_value=1, max_value=10000, initial=1)
    recipient_name = forms.CharField(
        max_length=200, required=False, help_text="Default: the complainant"
    )
    address = forms.CharField(
        widget=TEXTAREA, max_length=2000, required=False, help_text="Default: the complainant's"
    )
    note = forms.CharField(max_length=2000, required=False)


class ShipmentStepForm(_Ids):
    id_prefix = "step"
    status = forms.ChoiceField(choices=ShipmentStatus.choices)
    carrier = forms.CharField(max_length=60, required=False)
    tracking_number = forms.CharField(max_length=100, required=False)
    replacement_lot = forms.ModelChoiceField(queryset=Lot.objects.none(), required=False)
    at = forms.DateTimeField(required=False, widget=WHEN)
    sample_condition = forms.ChoiceField(
        choices=[("", "—"), *SampleCondition.choices], required=False
    )
    sample_notes = forms.CharField(max_length=5000, required=False)
    reason = forms.CharField(max_length=2000, required=False)

    def __init__(self, *args: Any, program_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replacement_lot"].queryset = _lots(program_id)  # type: ignore[attr-defined]
