"""Quality screens: the complaint files of the user's programs and one complaint with its
reportability decision (21 CFR 820.198). Thin: parse, call a service, render."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import INVALID, add_service_errors, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality.models import Complaint
from caredesk.quality.services.complaints import access_complaint, decide_reportability


class ReportabilityForm(forms.Form):
    reportable = forms.ChoiceField(choices=[("no", "Not reportable"), ("yes", "Reportable")])
    justification = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


@login_required
@require_GET
def complaints(request: HttpRequest) -> HttpResponse:
    rows = (
        Complaint.objects.visible_to(request.user)
        .select_related("case", "product", "lot", "program")
        .order_by("status", "-received_at")[:300]
    )
    return render(request, "quality/complaints.html", {"complaints": rows})


def _detail(
    request: HttpRequest, complaint: Complaint, form: ReportabilityForm, status: int = 200
) -> HttpResponse:
    context = {"complaint": complaint, "form": form}
    return render(request, "quality/complaint_detail.html", context, status=status)


@login_required
@service_view
@require_GET
def complaint_detail(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = access_complaint(request.user, complaint_id)
    return _detail(request, complaint, ReportabilityForm())


@login_required
@service_view
@require_POST
def reportability(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = access_complaint(request.user, complaint_id)
    form = ReportabilityForm(request.POST)
    if form.is_valid():
        try:
            decide_reportability(
                complaint,
                reportable=form.cleaned_data["reportable"] == "yes",
                justification=form.cleaned_data["justification"],
                acting_user=request.user,
            )
        except (InvalidInput, Conflict) as exc:
            add_service_errors(form, exc)
        else:
            return redirect("quality:complaint", complaint_id=complaint.pk)
    return _detail(request, complaint, form, INVALID)
