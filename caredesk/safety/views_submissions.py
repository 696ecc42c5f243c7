"""Submissions on the safety case page, and the list of a program's submissions.

The panel (`#submissions`) prepares a report (E2B problems listed, nothing created when FDA
would reject it), offers the downloads, signs a draft with a Part 11 signature (re-entered
password, printed name, meaning), sends it through the gateway or marks it sent, takes the ACK
file and resubmits a rejected one. Each action posts with htmx and answers the panel; without
htmx it redirects to the panel's page (or renders it with the error, 422). The services decide
who may act: safety specialists of the program; an auditor sees everything and changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from caredesk.audit.models import SignatureMeaning
from caredesk.audit.signatures import SignatureRefused, manifestation, printed_name_of
from caredesk.cases.views_support import INVALID, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.gateway import get_gateway
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_submission import Submission, SubmissionKind
from caredesk.safety.services import submission_desk as desk
from caredesk.safety.services.safety_cases import access_safety_case
from caredesk.safety.services.submission_acks import MAX_ACK_BYTES
from caredesk.safety.services.submissions import access_submission, mark_sent
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import roles_of


def _rows(safety_case: SafetyCase) -> list[dict[str, Any]]:
    subs = safety_case.submissions.select_related("signature", "signed_by", "sent_by")
    return [
        {"s": s, "signed": manifestation(s.signature) if s.signature else ""}
        for s in subs.order_by("-created_at", "-pk")
    ]


def panel_context(request: HttpRequest, safety_case: SafetyCase, **extra: Any) -> dict[str, Any]:
    """What the submissions panel shows; `extra` carries problems and errors of an action."""
    context: dict[str, Any] = {
        "sc": safety_case,
        "rows": _rows(safety_case),
        "can_submit": Role.SAFETY_SPECIALIST in roles_of(request.user, safety_case.program_id),
        "gateway": get_gateway(),
        "kinds": SubmissionKind.choices,
        "meanings": SignatureMeaning.choices,
        "printed_name": printed_name_of(request.user),
        "now": timezone.now(),
        "problems": None,
        "panel_error": "",
        "error_for": None,
    }
    context.update(extra)
    return context


def _panel(request: HttpRequest, sc: SafetyCase, status: int = 200, **extra: Any) -> HttpResponse:
    if status == 200 and not is_htmx(request):
        return redirect("safety:submissions", safety_case_id=sc.pk)
    template = "safety/submission_panel.html" if is_htmx(request) else "safety/submission_page.html"
    return render(request, template, panel_context(request, sc, **extra), status=status)


def _act(request: HttpRequest, sc: SafetyCase, call: Any, on: Submission | None = None):
    """Run one service call; its refusal is shown in the panel (422), next to `on`."""
    try:
        call()
    except desk.ReportRejected as exc:
        return _panel(request, sc, INVALID, problems=exc.problems, panel_error=exc.message)
    except (InvalidInput, Conflict, SignatureRefused) as exc:
        detail = "; ".join(v for k, v in exc.fields.items() if k == "file")
        message = f"{exc.message} ({detail})" if detail else exc.message
        return _panel(request, sc, INVALID, panel_error=message, error_for=on and on.pk)
    return _panel(request, sc)


@login_required
@service_view
@require_GET
def panel(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    template = "safety/submission_panel.html" if is_htmx(request) else "safety/submission_page.html"
    return render(request, template, panel_context(request, sc))


@login_required
@service_view
@require_GET
def check(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    """The E2B problems of the case as it stands (nothing is created)."""
    sc = access_safety_case(request.user, safety_case_id)
    template = "safety/submission_panel.html" if is_htmx(request) else "safety/submission_page.html"
    return render(request, template, panel_context(request, sc, problems=desk.check_e2b(sc)))


@login_required
@service_view
@require_POST
def prepare(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    kind = request.POST.get("kind", SubmissionKind.E2B)
    return _act(
        request, sc, lambda: desk.prepare_submission(sc, kind=kind, acting_user=request.user)
    )


def _download(download: desk.Download) -> HttpResponse:
    response = HttpResponse(download.content, content_type=download.content_type)
    response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
    return response


@login_required
@service_view
@require_GET
def export(request: HttpRequest, safety_case_id: int, fmt: str) -> HttpResponse:
    """The case's report now as E2B XML, MedWatch PDF or FHIR bundle (a copy, audited)."""
    sc = access_safety_case(request.user, safety_case_id)
    return _download(desk.export_case(sc, fmt, acting_user=request.user))


@login_required
@service_view
@require_GET
def content(request: HttpRequest, submission_id: int) -> HttpResponse:
    """The exact bytes of a submission (what was signed is what was sent)."""
    submission = access_submission(request.user, submission_id)
    return _download(desk.submission_download(submission))


def _on_submission(request: HttpRequest, submission_id: int, call: Any) -> HttpResponse:
    submission = access_submission(request.user, submission_id)
    return _act(request, submission.safety_case, lambda: call(submission), on=submission)


@login_required
@service_view
@require_POST
def sign(request: HttpRequest, submission_id: int) -> HttpResponse:
    meaning = request.POST.get("meaning", SignatureMeaning.APPROVED_FOR_SUBMISSION)
    password = request.POST.get("password", "")
    return _on_submission(
        request,
        submission_id,
        lambda s: desk.sign_checked(
            s, acting_user=request.user, password=password, meaning=meaning
        ),
    )


@login_required
@service_view
@require_POST
def send(request: HttpRequest, submission_id: int) -> HttpResponse:
    gateway = get_gateway()
    return _on_submission(
        request,
        submission_id,
        lambda s: desk.send_through_gateway(s, acting_user=request.user, gateway=gateway),
    )


@login_required
@service_view
@require_POST
def sent(request: HttpRequest, submission_id: int) -> HttpResponse:
    return _on_submission(request, submission_id, lambda s: mark_sent(s, acting_user=request.user))


@login_required
@service_view
@require_POST
def ack(request: HttpRequest, submission_id: int) -> HttpResponse:
    upload = request.FILES.get("file")
    data = upload.read(MAX_ACK_BYTES + 1) if upload is not None else b""
    return _on_submission(
        request,
        submission_id,
        lambda s: desk.apply_ack_file(s, data, acting_user=request.user),
    )


@login_required
@service_view
@require_POST
def resubmit(request: HttpRequest, submission_id: int) -> HttpResponse:
    return _on_submission(
        request, submission_id, lambda s: desk.resubmit_checked(s, acting_user=request.user)
    )


@login_required
@require_GET
def submission_list(request: HttpRequest) -> HttpResponse:
    """Submissions of the user's programs, newest first, by status (awaiting ACK, rejected...)."""
    programs = Program.objects.visible_to(request.user).order_by("name")
    program_id = request.GET.get("program", "")
    chosen = programs.filter(pk=int(program_id)).first() if program_id.isdigit() else None
    status = request.GET.get("status", "")
    subs = desk.submissions_of(
        request.user, program_id=chosen.pk if chosen else None, status=status
    )
    gateway = get_gateway()
    shown = [chosen] if chosen else list(programs)
    failures = [f for p in shown for f in gateway.failures(p.code)] if gateway else []
    context = {
        "submissions": subs[:500],
        "programs": programs,
        "chosen": chosen,
        "status": status,
        "filters": [(key, label) for key, (label, _s) in desk.STATUS_FILTERS.items()],
        "failures": failures,
    }
    return render(request, "safety/submission_list.html", context)
