"""The program admin's IVR page: the script callers hear (greeting, consent notice, hours, the
menu as JSON, recalled lots, queue, wait settings), changed through `update_ivr` (validated as
calls read it, audited). Other roles of the program get 403, other programs 404."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from caredesk.cases.views_support import INVALID, add_service_errors, service_view
from caredesk.channels.voice.services.config import ivr_config
from caredesk.channels.voice.services.ivr_setup import check_can_configure_ivr, update_ivr
from caredesk.errors import InvalidInput
from caredesk.routing.models import Queue
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import access_program, roles_of


class IvrForm(forms.Form):
    greeting = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    consent_notice = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    hours_text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), max_length=1000, required=False,
        help_text="Empty: read from the program's SLA business hours",
    )  # fmt: skip
    language = forms.CharField(max_length=12)
    voice = forms.CharField(max_length=40)
    menu = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 12}), max_length=20_000,
        help_text="A JSON list of {key, action, prompt, words}",
    )  # fmt: skip
    recalled_lots = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=20_000,
        help_text="One lot number per line",
    )  # fmt: skip
    general_queue = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    average_handle_minutes = forms.IntegerField(min_value=1, max_value=120)
    offer_callback = forms.BooleanField(required=False)
    reason = forms.CharField(max_length=500, required=False)

    def clean_menu(self) -> Any:
        try:
            return json.loads(self.cleaned_data["menu"])
        except ValueError as exc:
            raise forms.ValidationError(f"not JSON: {exc}") from None

    def clean_recalled_lots(self) -> list[str]:
        lines = self.cleaned_data.get("recalled_lots", "").splitlines()
        return [line.strip() for line in lines if line.strip()]


def _form(program: Program, data: Any = None) -> IvrForm:
    config = ivr_config(program)
    initial = {
        **{n: getattr(config, n) for n in ("greeting", "consent_notice", "hours_text")},
        **{n: getattr(config, n) for n in ("language", "voice", "average_handle_minutes")},
        "menu": json.dumps(config.menu, indent=2, ensure_ascii=False),
        "recalled_lots": "\n".join(str(x) for x in config.recalled_lots or []),
        "general_queue": config.general_queue_id,
        "offer_callback": config.offer_callback,
    }
    form = IvrForm(data, initial=initial)
    queues = Queue.objects.filter(program=program).order_by("name").values_list("pk", "name")
    field = form.fields["general_queue"]
    assert isinstance(field, forms.TypedChoiceField)
    field.choices = [("", "The program's default queue"), *queues]
    return form


@login_required
@require_GET
def programs(request: HttpRequest) -> HttpResponse:
    """The programs whose IVR the user may change."""
    mine = [p for p in Program.objects.visible_to(request.user).order_by("name")
            if Role.PROGRAM_ADMIN in roles_of(request.user, p)]  # fmt: skip
    return render(request, "channels_voice/ivr_programs.html", {"programs": mine})


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, program_id: int) -> HttpResponse:
    program = access_program(request.user, program_id)
    check_can_configure_ivr(request.user, program)
    form = _form(program, request.POST or None)
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        reason = changes.pop("reason") or "changed on the IVR page"
        changes["general_queue_id"] = changes.pop("general_queue")
        try:
            update_ivr(program, changes, acting_user=request.user, reason=reason)
        except InvalidInput as exc:
            add_service_errors(form, exc, {"general_queue_id": "general_queue"})
        else:
            return redirect("voice:ivr", program_id=program.pk)
    status = INVALID if form.errors else 200
    return render(
        request, "channels_voice/ivr.html", {"program": program, "form": form}, status=status
    )
