"""Quality screens: the complaint files of the user's programs, and one complaint with its
record fields and decisions (21 CFR 820.198). Thin: parse, call a service, render.

Each decision form posts with htmx and gets the refreshed complaint file back (422 with the
service's field messages when refused); without htmx a success redirects to the complaint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality import forms as qf
from caredesk.quality.models import Complaint, ComplaintStatus, TamperingAlert
from caredesk.quality.services import complaint_file as cf
from caredesk.quality.services.complaints import access_complaint, update_complaint
from caredesk.quality.services.shipments import next_steps
from caredesk.tenancy.models import Role
from caredesk.tenancy.services import roles_of

Run = Callable[[Complaint, dict[str, Any], Any], Any]


@login_required
@require_GET
def complaints(request: HttpRequest) -> HttpResponse:
    rows = Complaint.objects.visible_to(request.user).select_related(
        "case", "product", "lot", "program"
    )
    status = request.GET.get("status", "")
    if status in ComplaintStatus.values:
        rows = rows.filter(status=status)
    context = {
        "complaints": rows.order_by("status", "-received_at")[:300],
        "status": status,
        "statuses": ComplaintStatus.choices,
    }
    return render(request, "quality/complaints.html", context)


def _forms(complaint: Complaint) -> dict[str, forms.Form]:
    return {
        "record": qf.ComplaintForm(complaint=complaint),
        "reportability": qf.ReportabilityForm(),
        "investigation_decision": qf.InvestigationDecisionForm(),
        "investigation": qf.InvestigationForm(
            initial={
                "results": complaint.investigation,
                "investigated_on": complaint.investigated_on,
                "root_cause": complaint.root_cause,
                "corrective_action": complaint.corrective_action,
            }
        ),
        "reply": qf.ReplyForm(initial={"text": complaint.reply_to_complainant}),
        "close": qf.CloseForm(),
        "reopen": qf.ReasonForm(),
        "shipment": qf.ShipmentRequestForm(),
    }


def file_context(
    request: HttpRequest,
    complaint: Complaint,
    shipment_errors: dict[int, str] | None = None,
    **bound: Any,
) -> dict[str, Any]:
    """Everything the complaint page and its partials need; `bound` replaces forms that were
    submitted (so their errors show), `shipment_errors` a refused step per shipment id."""
    roles = roles_of(request.user, complaint.program_id)
    errors = shipment_errors or {}
    shipments = list(complaint.shipments.select_related("replacement_lot").order_by("pk"))
    return {
        "complaint": complaint,
        "forms": {**_forms(complaint), **bound},
        "is_quality": Role.QUALITY_SPECIALIST in roles,
        "can_request": bool(roles - {Role.AUDITOR}),
        "missing": cf.closing_problems(complaint),
        "shipments": [(s, next_steps(s), errors.get(s.pk, "")) for s in shipments],
        "step_form": qf.ShipmentStepForm(program_id=complaint.program_id),
        "alerts": TamperingAlert.objects.visible_to(request.user)
        .filter(case_id=complaint.case_id)
        .order_by("pk"),
    }


def render_file(
    request: HttpRequest,
    complaint: Complaint,
    status: int = 200,
    shipment_errors: dict[int, str] | None = None,
    **bound: Any,
) -> HttpResponse:
    """The complaint file partial for htmx, the whole page otherwise."""
    template = (
        "quality/_complaint_file.html" if is_htmx(request) else "quality/complaint_detail.html"
    )
    context = file_context(request, complaint, shipment_errors, **bound)
    return render(request, template, context, status=status)


@login_required
@service_view
@require_GET
def complaint_detail(request: HttpRequest, complaint_id: int) -> HttpResponse:
    return render_file(request, access_complaint(request.user, complaint_id))


def _act(
    request: HttpRequest, complaint_id: int, name: str, form: forms.Form, run: Run
) -> HttpResponse:
    """Validate `form`, run the service; on refusal show the errors on the submitted form."""
    complaint = access_complaint(request.user, complaint_id)
    if form.is_valid():
        try:
            run(complaint, form.cleaned_data, request.user)
        except (InvalidInput, Conflict) as exc:
            add_service_errors(form, exc)
        else:
            if not is_htmx(request):
                return redirect("quality:complaint", complaint_id=complaint.pk)
            complaint.refresh_from_db()
            return render_file(request, complaint)
    complaint.refresh_from_db()
    return render_file(request, complaint, INVALID, None, **{name: form})


@login_required
@service_view
@require_POST
def edit(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = access_complaint(request.user, complaint_id)
    form = qf.ComplaintForm(request.POST, complaint=complaint)

    def run(c: Complaint, _data: dict[str, Any], user: Any) -> Any:
        return update_complaint(c, form.values(), acting_user=user)

    return _act(request, complaint_id, "record", form, run)


@login_required
@service_view
@require_POST
def reportability(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def run(c: Complaint, d: dict[str, Any], user: Any) -> Any:
        return cf.decide_reportability(
            c,
            reportable=d["reportable"] == "yes",
            justification=d["justification"],
            acting_user=user,
        )

    return _act(request, complaint_id, "reportability", qf.ReportabilityForm(request.POST), run)


@login_required
@service_view
@require_POST
def investigation_decision(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def run(c: Complaint, d: dict[str, Any], user: Any) -> Any:
        return cf.decide_investigation(
            c,
            investigate=d["investigate"] == "yes",
            justification=d["justification"],
            acting_user=user,
        )

    form = qf.InvestigationDecisionForm(request.POST)
    return _act(request, complaint_id, "investigation_decision", form, run)


@login_required
@service_view
@require_POST
def investigation(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def run(c: Complaint, d: dict[str, Any], user: Any) -> Any:
        return cf.record_investigation(c, acting_user=user, **d)

    return _act(request, complaint_id, "investigation", qf.InvestigationForm(request.POST), run)


@login_required
@service_view
@require_POST
def reply(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def run(c: Complaint, d: dict[str, Any], user: Any) -> Any:
        return cf.record_reply(c, text=d["text"], replied_at=d["replied_at"], acting_user=user)

    return _act(request, complaint_id, "reply", qf.ReplyForm(request.POST), run)


@login_required
@service_view
@require_POST
def close(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def run(c: Complaint, d: dict[str, Any], user: Any) -> Any:
        return cf.close_complaint(c, acting_user=user, note=d["note"])

    return _act(request, complaint_id, "close", qf.CloseForm(request.POST), run)


@login_required
@service_view
@require_POST
def reopen(request: HttpRequest, complaint_id: int) -> HttpResponse:
    def run(c: Complaint, d: dict[str, Any], user: Any) -> Any:
        return cf.reopen_complaint(c, reason=d["reason"], acting_user=user)

    return _act(request, complaint_id, "reopen", qf.ReasonForm(request.POST), run)
