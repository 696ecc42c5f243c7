"""QA review queue: a safety specialist draws a program-week's sample and reviews each item."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from caredesk.cases.views_support import INVALID, add_service_errors, service_view
from caredesk.errors import FORM_ERRORS
from caredesk.safety.forms import QaDrawForm, QaReviewForm
from caredesk.safety.models_detail import QaReview, QaStatus
from caredesk.safety.services.intake import screening_text
from caredesk.safety.services.qa_sample import (
    access_qa_review,
    check_reviewer,
    review_sample,
    sample_week,
    week_start,
)
from caredesk.tenancy.models import Program
from caredesk.tenancy.services import access_program


def _render(request: HttpRequest, status: int = 200, **extra: object) -> HttpResponse:
    reviews = (
        QaReview.objects.visible_to(request.user)
        .select_related("case", "interaction", "finding", "program", "reviewed_by")
        .order_by("status", "-week", "pk")
    )
    show_done = request.GET.get("done") == "1"
    if not show_done:
        reviews = reviews.filter(status=QaStatus.PENDING)
    last_week = week_start(timezone.localdate()) - timedelta(days=7)
    context = {
        "rows": [(r, screening_text(r.interaction)) for r in reviews[:200]],
        "show_done": show_done,
        "programs": Program.objects.visible_to(request.user).order_by("name"),
        "draw_form": QaDrawForm(initial={"week": last_week}),
        "review_errors": {},
        **extra,
    }
    return render(request, "safety/qa.html", context, status=status)


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def qa_queue(request: HttpRequest) -> HttpResponse:
    """GET: the reviews waiting; POST: draw a program-week's sample (safety specialists)."""
    if request.method == "GET":
        return _render(request)
    form = QaDrawForm(request.POST)
    if form.is_valid():
        program = access_program(request.user, form.cleaned_data["program"])
        check_reviewer(request.user, program.pk)
        sample_week(program, form.cleaned_data["week"], acting_user=request.user)
        return redirect("safety:qa")
    return _render(request, INVALID, draw_form=form)


@login_required
@service_view
@require_POST
def qa_review(request: HttpRequest, qa_review_id: int) -> HttpResponse:
    review = access_qa_review(request.user, qa_review_id)
    form = QaReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            review_sample(
                review,
                agree=data["verdict"] == "agree",
                acting_user=request.user,
                note=data["note"],
                kind=data["kind"],
                code=data["code"],
            )
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
        else:
            return redirect("safety:qa")
    return _render(request, INVALID, review_errors={review.pk: form})
