"""Quality screens for replacement / return-kit shipments and for a lot's complaints.

Shipment actions post with htmx and get the complaint file back (which lists the shipments);
a lot page counts the lot's complaints by category so a pattern is seen at a glance.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from caredesk.cases.views_support import INVALID, add_service_errors, is_htmx, service_view
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality import forms as qf
from caredesk.quality.services.complaints import access_complaint
from caredesk.quality.services.lots import lot_complaints
from caredesk.quality.services.shipments import (
    ShipmentRequest,
    ShipmentStep,
    access_shipment,
    advance_shipment,
    request_shipment,
)
from caredesk.quality.views import render_file
from caredesk.tenancy.services import access_lot


@login_required
@service_view
@require_POST
def shipment_request(request: HttpRequest, complaint_id: int) -> HttpResponse:
    complaint = access_complaint(request.user, complaint_id)
    form = qf.ShipmentRequestForm(request.POST)
    if form.is_valid():
        try:
            request_shipment(
                complaint, ShipmentRequest(**form.cleaned_data), acting_user=request.user
            )
        except (InvalidInput, Conflict) as exc:
            add_service_errors(form, exc)
        else:
            if not is_htmx(request):
                return redirect("quality:complaint", complaint_id=complaint.pk)
            return render_file(request, complaint)
    return render_file(request, complaint, INVALID, shipment=form)


@login_required
@service_view
@require_POST
def shipment_step(request: HttpRequest, shipment_id: int) -> HttpResponse:
    shipment = access_shipment(request.user, shipment_id)
    complaint = shipment.complaint
    form = qf.ShipmentStepForm(request.POST, program_id=shipment.program_id)
    if form.is_valid():
        try:
            advance_shipment(shipment, ShipmentStep(**form.cleaned_data), acting_user=request.user)
        except (InvalidInput, Conflict) as exc:
            fields = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
            error = exc.message + (f" ({fields})" if fields else "")
        else:
            if not is_htmx(request):
                return redirect("quality:complaint", complaint_id=complaint.pk)
            return render_file(request, complaint)
    else:
        error = "; ".join(f"{k}: {' '.join(str(m) for m in v)}" for k, v in form.errors.items())
    return render_file(request, complaint, INVALID, shipment_errors={shipment.pk: error})


@login_required
@service_view
@require_GET
def lot(request: HttpRequest, lot_id: int) -> HttpResponse:
    summary = lot_complaints(request.user, access_lot(request.user, lot_id))
    return render(request, "quality/lot.html", {"summary": summary})
