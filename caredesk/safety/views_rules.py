"""Screens of the reportability rules: the rule table in force (and older versions), a program
admin's proposal of a program rule, another admin's signed approval or rejection, and follow-up
information recorded on a safety case (its clocks answer in the "why this date" panel)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from caredesk.audit.signatures import manifestation
from caredesk.cases.views_support import INVALID, add_service_errors, service_view
from caredesk.errors import FORM_ERRORS, Forbidden
from caredesk.safety.forms_rules import (
    ApproveForm,
    FollowUpInformationForm,
    ProgramRuleForm,
    RejectForm,
)
from caredesk.safety.models_rules import ProgramRule, ReportRuleSet
from caredesk.safety.services.rules import current_ruleset, file_rule_entry
from caredesk.safety.services.rules_follow_up import record_follow_up_information
from caredesk.safety.services.rules_program import (
    access_program_rule,
    approve_program_rule,
    propose_program_rule,
    reject_program_rule,
)
from caredesk.safety.services.safety_cases import access_safety_case
from caredesk.safety.templatetags.safety_rules import reports_due_panel
from caredesk.tenancy.models import Membership, Program, Role


def admin_programs(user: Any) -> list[Program]:
    """The programs in which the user may propose and approve rules."""
    ids = Membership.objects.filter(user_id=user.pk, active=True, role=Role.PROGRAM_ADMIN).values(
        "program_id"
    )
    return list(Program.objects.filter(pk__in=ids).order_by("name"))


@login_required
@require_http_methods(["GET"])
def rule_list(request: HttpRequest) -> HttpResponse:
    """The rule file version in force (or `?version=N`) and the programs' own rules."""
    current = current_ruleset()
    version = current
    wanted = request.GET.get("version", "")
    if wanted.isdigit():
        version = ReportRuleSet.objects.filter(version=int(wanted)).first() or current
    program_rules = (
        ProgramRule.objects.visible_to(request.user)
        .select_related("program", "proposed_by", "decided_by")
        .order_by("program__name", "rule_id", "-proposed_at")
    )
    context = {
        "version": version,
        "current": current,
        "versions": ReportRuleSet.objects.order_by("-version")[:50],
        "rules": version.rules.order_by("jurisdiction", "pk"),
        "program_rules": program_rules[:500],
        "can_propose": bool(admin_programs(request.user)),
    }
    return render(request, "safety/rules.html", context)


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest) -> HttpResponse:
    """GET: the proposal form (`?replaces=<file rule id>` starts from that rule); POST: propose."""
    programs = admin_programs(request.user)
    if not programs:
        raise Forbidden("Only a program admin can propose reportability rules")
    current = current_ruleset()
    file_rules = list(current.rules.order_by("rule_id"))
    kwargs = {"programs": programs, "file_rules": file_rules}
    if request.method == "GET":
        initial = file_rule_entry(current, request.GET.get("replaces", "")) or {}
        if initial:
            initial["replaces"] = request.GET["replaces"]
            initial.pop("id", None)
        form = ProgramRuleForm(initial=initial, **kwargs)
        return render(request, "safety/rules_propose.html", {"form": form})
    form = ProgramRuleForm(request.POST, **kwargs)
    if form.is_valid():
        program = next(p for p in programs if p.pk == form.cleaned_data["program"])
        try:
            rule = propose_program_rule(
                program,
                acting_user=request.user,
                name=form.cleaned_data["name"],
                entry=form.entry(),
                reason=form.cleaned_data["reason"],
                replaces=form.cleaned_data["replaces"],
            )
            return redirect("safety_rules:program_rule", program_rule_id=rule.pk)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
    return render(request, "safety/rules_propose.html", {"form": form}, status=INVALID)


def _detail(request: HttpRequest, rule: ProgramRule, status: int = 200, **forms: Any) -> Any:
    signature = rule.signature
    context = {
        "rule": rule,
        "entry": sorted(rule.entry.items()),
        "signature": manifestation(signature) if signature is not None else "",
        "is_admin": rule.program in admin_programs(request.user),
        "approve_form": forms.get("approve_form") or ApproveForm(),
        "reject_form": forms.get("reject_form") or RejectForm(),
    }
    return render(request, "safety/rules_detail.html", context, status=status)


@login_required
@service_view
@require_http_methods(["GET"])
def program_rule(request: HttpRequest, program_rule_id: int) -> HttpResponse:
    return _detail(request, access_program_rule(request.user, program_rule_id))


@login_required
@service_view
@require_POST
def approve(request: HttpRequest, program_rule_id: int) -> HttpResponse:
    """Another program admin signs the approval (password re-entered, 21 CFR 11.200)."""
    rule = access_program_rule(request.user, program_rule_id)
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            approve_program_rule(
                rule,
                acting_user=request.user,
                password=form.cleaned_data["password"],
                note=form.cleaned_data["note"],
            )
            return redirect("safety_rules:program_rule", program_rule_id=rule.pk)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        except Forbidden as exc:
            if not exc.fields:  # not a signature refusal: not this user's to approve
                raise
            add_service_errors(form, exc)
    return _detail(request, rule, INVALID, approve_form=form)


@login_required
@service_view
@require_POST
def reject(request: HttpRequest, program_rule_id: int) -> HttpResponse:
    rule = access_program_rule(request.user, program_rule_id)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            reject_program_rule(rule, acting_user=request.user, note=form.cleaned_data["note"])
            return redirect("safety_rules:program_rule", program_rule_id=rule.pk)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
    return _detail(request, rule, INVALID, reject_form=form)


@login_required
@service_view
@require_POST
def follow_up_information(request: HttpRequest, safety_case_id: int) -> HttpResponse:
    """Record follow-up information; answers the "why this date" panel (htmx) or redirects."""
    safety_case = access_safety_case(request.user, safety_case_id)
    form = FollowUpInformationForm(request.POST, auto_id="fui_%s")
    status = 200
    if form.is_valid():
        try:
            record_follow_up_information(
                safety_case,
                acting_user=request.user,
                received_on=form.cleaned_data["received_on"],
                summary=form.cleaned_data["summary"],
                significant=form.cleaned_data["significant"],
            )
            if not getattr(request, "htmx", False):
                return redirect("safety:case", safety_case_id=safety_case.pk)
            form = FollowUpInformationForm(auto_id="fui_%s")
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
            status = INVALID
    else:
        status = INVALID
    context = reports_due_panel({"csrf_token": _csrf(request)}, safety_case, form=form)
    return render(request, "safety/_reports_due.html", context, status=status)


def _csrf(request: HttpRequest) -> str:
    from django.middleware.csrf import get_token

    return get_token(request)
