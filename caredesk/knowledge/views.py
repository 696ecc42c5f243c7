"""Knowledge pages for program admins and medical information specialists: the articles of
their programs, a new article, editing (a new draft), submitting, and another editor's signed
approval or rejection; and the suggested articles on a case page (an htmx partial)."""

from __future__ import annotations

import contextlib
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from caredesk.cases.services.access import access_case
from caredesk.cases.views_support import INVALID, add_service_errors, service_view
from caredesk.errors import FORM_ERRORS, Conflict, Forbidden
from caredesk.knowledge.forms import ApproveForm, ArticleForm, NewArticleForm, RejectForm
from caredesk.knowledge.models import Article
from caredesk.knowledge.services.articles import (
    ArticleInput,
    access_article,
    access_version,
    approve_version,
    create_article,
    edit_article,
    editor_programs,
    reject_version,
    submit_version,
)
from caredesk.knowledge.services.suggestions import suggestions_for_case


@login_required
@require_GET
def article_list(request: HttpRequest) -> HttpResponse:
    programs = editor_programs(request.user)
    articles = (
        Article.objects.visible_to(request.user)
        .filter(program__in=programs)
        .select_related("program", "current")
        .prefetch_related("versions")
        .order_by("program__name", "pk")[:500]
    )
    return render(request, "knowledge/list.html", {"articles": articles, "programs": programs})


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def article_new(request: HttpRequest) -> HttpResponse:
    form = NewArticleForm(request.POST or None)
    programs = {p.pk: p for p in editor_programs(request.user)}
    form.fields["program"].choices = [(p.pk, p.name) for p in programs.values()]  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        data = ArticleInput(**{k: form.cleaned_data[k] for k in ("title", "body", "keywords")})
        data.kind, data.audience = form.cleaned_data["kind"], form.cleaned_data["audience"]
        data.language = form.cleaned_data["language"]
        try:
            program = programs[form.cleaned_data["program"]]
            version = create_article(program, data, acting_user=request.user)
            return redirect("knowledge:article", article_id=version.article_id)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
    status = INVALID if request.method == "POST" else 200
    return render(request, "knowledge/new.html", {"form": form}, status=status)


def _detail(
    request: HttpRequest, article: Article, status: int = 200, **forms: Any
) -> HttpResponse:
    versions = list(article.versions.select_related("author", "decided_by", "signature"))
    open_version = next((v for v in versions if v.status in ("draft", "submitted")), None)
    shown = open_version or article.current or (versions[0] if versions else None)
    initial = (
        {"title": shown.title, "body": shown.body, "keywords": shown.keywords} if shown else {}
    )
    context = {
        "article": article,
        "versions": versions,
        "open_version": open_version,
        "edit_form": forms.get("edit_form") or ArticleForm(initial=initial),
        "approve_form": forms.get("approve_form") or ApproveForm(),
        "reject_form": forms.get("reject_form") or RejectForm(),
    }
    return render(request, "knowledge/detail.html", context, status=status)


@login_required
@service_view
@require_http_methods(["GET", "POST"])
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    """GET: the article and its versions. POST: edit the text (a new draft version)."""
    article = access_article(request.user, article_id)
    if request.method == "GET":
        return _detail(request, article)
    form = ArticleForm(request.POST)
    if form.is_valid():
        try:
            edit_article(article, ArticleInput(**form.cleaned_data), acting_user=request.user)
            return redirect("knowledge:article", article_id=article.pk)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
    return _detail(request, article, INVALID, edit_form=form)


@login_required
@service_view
@require_POST
def version_submit(request: HttpRequest, version_id: int) -> HttpResponse:
    version = access_version(request.user, version_id)
    # Already submitted or decided: the page shows its state.
    with contextlib.suppress(Conflict):
        submit_version(version, acting_user=request.user)
    return redirect("knowledge:article", article_id=version.article_id)


@login_required
@service_view
@require_POST
def version_approve(request: HttpRequest, version_id: int) -> HttpResponse:
    """Another editor signs the approval (password re-entered, 21 CFR 11.200)."""
    version = access_version(request.user, version_id)
    form = ApproveForm(request.POST)
    if form.is_valid():
        try:
            approve_version(
                version,
                acting_user=request.user,
                password=form.cleaned_data["password"],
                note=form.cleaned_data["note"],
            )
            return redirect("knowledge:article", article_id=version.article_id)
        except (*FORM_ERRORS, Forbidden) as exc:  # a refused signature is shown on the form
            add_service_errors(form, exc)
    return _detail(request, version.article, INVALID, approve_form=form)


@login_required
@service_view
@require_POST
def version_reject(request: HttpRequest, version_id: int) -> HttpResponse:
    version = access_version(request.user, version_id)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            reject_version(version, acting_user=request.user, note=form.cleaned_data["note"])
            return redirect("knowledge:article", article_id=version.article_id)
        except FORM_ERRORS as exc:
            add_service_errors(form, exc)
    return _detail(request, version.article, INVALID, reject_form=form)


@login_required
@service_view
@require_GET
def case_suggestions(request: HttpRequest, case_id: int) -> HttpResponse:
    """The partial on the case page: approved articles matching what the customer wrote."""
    case = access_case(request.user, case_id, for_display=False)
    hits = suggestions_for_case(case)
    return render(request, "knowledge/_case_suggestions.html", {"hits": hits, "case": case})
