"""Safety screens: the specialist's queue, the safety case page (E2B(R3) sections) and event
coding search. Thin: parse, call a service, render. Actions on a safety case are in
`views_case.py`, the findings panel of the case page in `views_findings.py`, QA in `views_qa.py`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from caredesk.cases.views_support import service_view
from caredesk.safety.forms import (
    AssessmentForm,
    CloseForm,
    CriterionForm,
    DrugForm,
    FollowUpForm,
    PatientForm,
    ReactionForm,
)
from caredesk.safety.models import Criterion, DuplicateProposal, SafetyCase
from caredesk.safety.services.queue import queue_row, safety_queue
from caredesk.safety.services.safety_cases import access_safety_case
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import roles_of
from caredesk.terminology.services.search import coding_release, search_terms


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """Open safety cases of the user's programs, nearest deadline (overdue) first."""
    programs = Program.objects.visible_to(request.user).order_by("name")
    program_id = request.GET.get("program", "")
    chosen = programs.filter(pk=int(program_id)).first() if program_id.isdigit() else None
    rows = safety_queue(request.user, chosen.pk if chosen else None)
    context = {
        "rows": rows,
        "now": timezone.now(),
        "programs": programs,
        "chosen": chosen,
        "criteria": list(Criterion),
    }
    return render(request, "safety/queue.html", context)


def case_context(request: HttpRequest, safety_case: SafetyCase, **overrides: Any) -> dict[str, Any]:
    """Everything the safety case page shows; `overrides` carries bound forms with errors."""
    row = queue_row(safety_case)
    context: dict[str, Any] = {
        "sc": safety_case,
        "row": row,
        "now": timezone.now(),
        "is_pv": Role.SAFETY_SPECIALIST in roles_of(request.user, safety_case.program_id),
        "reports": list(safety_case.reports.all()),
        "reactions": list(safety_case.reactions.select_related("term")),
        "drugs": list(safety_case.drugs.select_related("product", "lot")),
        "findings": list(safety_case.findings.select_related("interaction").order_by("pk")),
        "duplicates": list(
            DuplicateProposal.objects.visible_to(request.user)
            .filter(safety_case=safety_case)
            .select_related("candidate__case")
        ),
        "coding_release": coding_release(),
        "patient_form": PatientForm(initial={"description": safety_case.patient_description}),
        "assessment_form": AssessmentForm.for_case(safety_case),
        "criterion_form": CriterionForm(safety_case=safety_case),
        "reaction_form": ReactionForm(),
        "drug_form": DrugForm(safety_case=safety_case),
        "follow_up_form": FollowUpForm(),
        "close_form": CloseForm(),
        "follow_up_errors": {},
        "action_error": "",
    }
    context.update(overrides)
    return context


@login_required
@service_view
@require_GET
def case_detail(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    safety_case = access_safety_case(request.user, safety_case_id)
    return render(request, "safety/case_detail.html", case_context(request, safety_case))


@login_required
@require_GET
def term_search(request: HttpRequest) -> HttpResponse:
    """Autocomplete for event coding: the terms matching `q` (or `reaction-verbatim`)."""
    query = request.GET.get("q") or request.GET.get("verbatim") or ""
    hits = search_terms(query[:100]) if query else []
    return render(request, "safety/_term_hits.html", {"hits": hits, "query": query})
