"""Actions on a safety case page. Each posts with htmx and answers with the page body to swap
(`#safety-case`); without htmx it redirects back (or re-renders with the errors, 422)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import FORM_ERRORS, NotFound
from caredesk.safety.forms import (
    AssessmentForm,
    CloseForm,
    CriterionForm,
    DrugForm,
    FollowUpForm,
    PatientForm,
    ReactionForm,
)
from caredesk.safety.models import FollowUpAttempt, SafetyCase
from caredesk.safety.models_detail import SafetyProduct, SafetyReaction
from caredesk.safety.services.case_form import add_drug, add_reaction, remove_detail, update_patient
from caredesk.safety.services.follow_up import record_follow_up_attempt
from caredesk.safety.services.handoff import (
    acknowledge_pv,
    close_safety_case,
    forward_to_pv,
    set_assessment,
)
from caredesk.safety.services.safety_cases import access_safety_case, record_criterion
from caredesk.safety.views import case_context


def _page(
    request: HttpRequest, safety_case: SafetyCase, status: int = 200, **forms: Any
) -> HttpResponse:
    if status == 200 and not is_htmx(request):
        return redirect("safety:case", safety_case_id=safety_case.pk)
    safety_case.refresh_from_db()
    template = "safety/_case_body.html" if is_htmx(request) else "safety/case_detail.html"
    return render(request, template, case_context(request, safety_case, **forms), status=status)


def _run(request: HttpRequest, safety_case: SafetyCase, form: Any, name: str, call: Any) -> Any:
    """Validate `form`, run `call(form)`; answer the page, with the errors on the form."""
    if form.is_valid():
        try:
            call(form)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            return _page(request, safety_case)
    return _page(request, safety_case, INVALID, **{name: form})


@login_required
@service_view
@require_POST
def patient(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    return _run(
        request,
        sc,
        PatientForm(request.POST),
        "patient_form",
        lambda f: update_patient(
            sc, description=f.cleaned_data["description"], acting_user=request.user
        ),
    )


@login_required
@service_view
@require_POST
def assessment(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    return _run(
        request,
        sc,
        AssessmentForm(request.POST),
        "assessment_form",
        lambda f: set_assessment(
            sc,
            acting_user=request.user,
            seriousness=f.cleaned_data["seriousness"],
            expected=f.expected_value(),
            report_flags=f.flags_value(),
            narrative=f.cleaned_data["narrative"],
        ),
    )


@login_required
@service_view
@require_POST
def criterion(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    return _run(
        request,
        sc,
        CriterionForm(request.POST, safety_case=sc),
        "criterion_form",
        lambda f: record_criterion(
            sc,
            f.cleaned_data["criterion"],
            evidence=f.cleaned_data["evidence"],
            source=f.cleaned_data["source"],
            acting_user=request.user,
        ),
    )


@login_required
@service_view
@require_POST
def reaction_add(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    form = ReactionForm(request.POST)
    call = lambda f: add_reaction(sc, f.to_input(), acting_user=request.user)  # noqa: E731
    return _run(request, sc, form, "reaction_form", call)


@login_required
@service_view
@require_POST
def drug_add(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    form = DrugForm(request.POST, safety_case=sc)
    call = lambda f: add_drug(sc, f.to_input(), acting_user=request.user)  # noqa: E731
    return _run(request, sc, form, "drug_form", call)


def _remove(request: HttpRequest, safety_case_id: int, model: Any, item_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    item = model.objects.visible_to(request.user).filter(pk=item_id, safety_case=sc).first()
    if item is None:
        raise NotFound("Not found")
    return _action(request, sc, lambda: remove_detail(sc, item, acting_user=request.user))


@login_required
@service_view
@require_POST
def reaction_remove(request: HttpRequest, safety_case_id: int, reaction_id: int) -> HttpResponse:
    return _remove(request, safety_case_id, SafetyReaction, reaction_id)


@login_required
@service_view
@require_POST
def drug_remove(request: HttpRequest, safety_case_id: int, drug_id: int) -> HttpResponse:
    return _remove(request, safety_case_id, SafetyProduct, drug_id)


def _action(request: HttpRequest, sc: SafetyCase, call: Any) -> HttpResponse:
    try:
        call()
    except FORM_ERRORS as exc:
        return _page(request, sc, INVALID, action_error=exc.message)
    return _page(request, sc)


@login_required
@service_view
@require_POST
def forward(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    return _action(request, sc, lambda: forward_to_pv(sc, acting_user=request.user))


@login_required
@service_view
@require_POST
def acknowledge(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    return _action(request, sc, lambda: acknowledge_pv(sc, acting_user=request.user))


@login_required
@service_view
@require_POST
def close(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    form = CloseForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _action(
        request, sc, lambda: close_safety_case(sc, acting_user=request.user, reason=reason)
    )


@login_required
@service_view
@require_POST
def follow_up(request: HttpRequest, safety_case_id: int, attempt_id: int) -> HttpResponse:
    sc = access_safety_case(request.user, safety_case_id)
    attempt = (
        FollowUpAttempt.objects.visible_to(request.user)
        .filter(pk=attempt_id, safety_case=sc)
        .first()
    )
    if attempt is None:
        raise NotFound("Follow-up attempt not found")
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            record_follow_up_attempt(attempt, acting_user=request.user, **form.cleaned_data)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            return _page(request, sc)
    return _page(request, sc, INVALID, follow_up_errors={attempt.pk: form})
