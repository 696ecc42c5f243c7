"""The agent's "I keep hearing this" flag on the case page: a small form loaded into the case
page's side column (htmx), posting a note and the product/event; the case joins or opens the
candidate signal of that series."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from caredesk.cases.models import Case
from caredesk.cases.services.access import access_case
from caredesk.cases.views_support import INVALID, add_service_errors, service_view
from caredesk.errors import InvalidInput
from caredesk.insights.forms import FlagForm
from caredesk.insights.services.candidates import flag_case
from caredesk.tenancy.models import READ_ONLY_ROLES, Product
from caredesk.tenancy.services import roles_of


def _form(user: Any, case: Case, data: Any = None) -> FlagForm:
    form = FlagForm(data, initial={"product": case.product_id})
    products = Product.objects.visible_to(user).filter(program_id=case.program_id).order_by("name")
    choices = [("", "the case's product"), *products.values_list("pk", "name")]
    form.fields["product"].choices = choices  # type: ignore[attr-defined]
    return form


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def case_flag(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(request.user, case_id)
    roles = roles_of(request.user, case.program_id)
    context: dict[str, Any] = {"case": case, "can_flag": bool(roles - set(READ_ONLY_ROLES))}
    if request.method == "GET":
        context["form"] = _form(request.user, case)
        return render(request, "insights/_case_flag.html", context)
    form = _form(request.user, case, request.POST)
    status = 200
    if form.is_valid():
        product = None
        if form.cleaned_data["product"]:
            product = (
                Product.objects.visible_to(request.user)
                .filter(program_id=case.program_id, pk=form.cleaned_data["product"])
                .first()
            )
        try:
            context["flagged"] = flag_case(
                case,
                acting_user=request.user,
                note=form.cleaned_data["note"],
                event=form.cleaned_data["event"],
                product=product,
            )
            form = _form(request.user, case)
        except InvalidInput as exc:
            add_service_errors(form, exc)
            status = INVALID
    else:
        status = INVALID
    context["form"] = form
    return render(request, "insights/_case_flag.html", context, status=status)
