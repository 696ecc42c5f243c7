"""Forms of the case workspace. They parse input; the rules stay in cases.services.

Choice fields that point at records (queue, product, lot) list only rows the user may see in the
case's program, so another program's id is rejected as "not one of the available choices".
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from caredesk.cases.models import CaseStatus, CaseType, Direction, Priority, RequestKind
from caredesk.cases.services.interactions import AttachmentInput, InteractionInput
from caredesk.people.models import Channel
from caredesk.routing.models import Queue
from caredesk.tenancy.models import Lot, Product, Program


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files and cleans to a list."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        items = data if isinstance(data, list | tuple) else [data]
        single = super().clean
        return [single(item, initial) for item in items if item]


class _PrefixedIds(forms.Form):
    """Several forms share the case page: give each its own element-id prefix."""

    id_prefix = "f"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class InteractionForm(_PrefixedIds):
    id_prefix = "interaction"
    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.PHONE)
    direction = forms.ChoiceField(choices=Direction.choices, initial=Direction.INBOUND)
    subject = forms.CharField(max_length=300, required=False)
    body = forms.CharField(
        label="What was said",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "Summary or transcript"}),
    )
    attachments = MultipleFileField()

    def to_input(self) -> InteractionInput:
        data = self.cleaned_data
        files = [
            AttachmentInput(filename=f.name or "attachment", content=f.read(), content_type="")
            for f in data["attachments"]
        ]
        return InteractionInput(
            channel=data["channel"],
            direction=data["direction"],
            subject=data["subject"],
            body=data["body"],
            attachments=files,
        )


class RequestForm(_PrefixedIds):
    id_prefix = "request"
    kind = forms.ChoiceField(choices=RequestKind.choices)
    summary = forms.CharField(max_length=500, required=False)


class ResolveRequestForm(_PrefixedIds):
    id_prefix = "resolve"
    resolution = forms.CharField(max_length=2000, required=False)


class StatusForm(_PrefixedIds):
    id_prefix = "status"
    status = forms.ChoiceField(choices=CaseStatus.choices)
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "Required to close or reopen"}),
    )


class AssignForm(_PrefixedIds):
    id_prefix = "assign"
    queue = forms.ModelChoiceField(queryset=Queue.objects.none(), required=False)

    def __init__(self, *args: Any, user: Any, program: Program, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["queue"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Queue.objects.visible_to(user).filter(program=program).order_by("name")


class CaseForm(forms.Form):
    subject = forms.CharField(max_length=300, required=False)
    case_type = forms.ChoiceField(choices=CaseType.choices)
    priority = forms.TypedChoiceField(choices=Priority.choices, coerce=int, initial=Priority.NORMAL)
    product = forms.ModelChoiceField(queryset=Product.objects.none(), required=False)
    lot = forms.ModelChoiceField(queryset=Lot.objects.none(), required=False)
    queue = forms.ModelChoiceField(
        queryset=Queue.objects.none(), required=False, empty_label="Route automatically"
    )

    def __init__(self, *args: Any, user: Any, program: Program, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        querysets = {
            "product": Product.objects.visible_to(user).filter(program=program),
            "lot": Lot.objects.visible_to(user)
            .filter(product__program=program)
            .select_related("product"),
            "queue": Queue.objects.visible_to(user).filter(program=program),
        }
        for name, queryset in querysets.items():
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset


class InboxFilterForm(forms.Form):
    queue = forms.ModelChoiceField(
        queryset=Queue.objects.none(), required=False, empty_label="All my queues"
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["queue"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Queue.objects.visible_to(user).select_related("program").order_by("program", "name")
        )
