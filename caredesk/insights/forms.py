"""Forms of the Signals pages and of the agent's flag on a case."""

from __future__ import annotations

from django import forms

from caredesk.insights.models import ActionKind, SignalSource, SignalStatus


class FilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "any status"), *SignalStatus.choices], required=False)
    source = forms.ChoiceField(choices=[("", "any source"), *SignalSource.choices], required=False)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[(SignalStatus.VALIDATED, "Validated signal"), (SignalStatus.REFUTED, "Refuted")]
    )
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    password = forms.CharField(
        widget=forms.PasswordInput, help_text="Re-enter your password to sign", strip=False
    )


class ActionForm(forms.Form):
    kind = forms.ChoiceField(choices=ActionKind.choices)
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
    )


class FlagForm(forms.Form):
    event = forms.CharField(
        max_length=250, help_text="The event or complaint you keep hearing about"
    )
    note = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    product = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
