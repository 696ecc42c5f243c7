"""Change a case's type or priority from the case page; the routing class, queue and SLA policy
are chosen again by `reclassify_case`. Scoped: another program's case is the 404 page."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from caredesk.cases.models import CaseType, Priority
from caredesk.cases.services.access import access_case
from caredesk.cases.views_support import INVALID, add_service_errors, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.routing.services.reclassify import reclassify_case


class ClassificationForm(forms.Form):
    case_type = forms.ChoiceField(choices=CaseType.choices)
    priority = forms.TypedChoiceField(coerce=int, choices=Priority.choices)
    reason = forms.CharField(max_length=500, required=False)


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def classification(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(request.user, case_id)
    form = ClassificationForm(
        request.POST or None, initial={"case_type": case.case_type, "priority": case.priority}
    )
    if request.method == "POST" and form.is_valid():
        try:
            reclassify_case(
                case,
                case_type=form.cleaned_data["case_type"],
                priority=form.cleaned_data["priority"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except (InvalidInput, Conflict) as exc:
            add_service_errors(form, exc)
        else:
            return redirect("cases:detail", case.pk)
    status = INVALID if form.errors else 200
    context = {"case": case, "form": form}
    return render(request, "routing/classification.html", context, status=status)
