"""REST API of the knowledge base: search and read approved articles (any member of the
program), write drafts, submit, approve with an e-signature and reject (program admins and
medical information specialists), and the articles suggested for a case. Another program's
ids answer 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, map_items, paginate, paginate_list
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId, Text300
from caredesk.cases.services.access import access_case
from caredesk.knowledge.models import Article, ArticleVersion
from caredesk.knowledge.schemas import (
    ApproveIn,
    ArticleEditIn,
    ArticleIn,
    ArticleOut,
    HitOut,
    RejectIn,
    VersionOut,
)
from caredesk.knowledge.services.articles import (
    ArticleInput,
    access_article,
    access_version,
    approve_version,
    create_article,
    edit_article,
    is_editor,
    reject_version,
    submit_version,
)
from caredesk.knowledge.services.retrieval import PASSAGE_CHARS, Hit, Ranking, rank_articles
from caredesk.knowledge.services.suggestions import rank_for_case
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["knowledge"])


class SearchParams(PageParams):
    program_id: ObjectId
    q: Text300 = ""


def _hit(hit: Hit) -> dict[str, Any]:
    article = hit.version.article
    return {
        "article_id": hit.article_id,
        "version_id": hit.version.pk,
        "title": hit.title,
        "score": hit.score,
        "passage": hit.passage,
        "kind": article.kind,
        "audience": article.audience,
        "language": article.language,
    }


def _article(user: Any, article: Article) -> dict[str, Any]:
    versions = (
        list(article.versions.order_by("-number")) if is_editor(user, article.program_id) else []
    )
    return {
        "id": article.pk,
        "program_id": article.program_id,
        "kind": article.kind,
        "audience": article.audience,
        "language": article.language,
        "current": article.current,
        "versions": versions,
    }


def _current_hit(article: Article) -> dict[str, Any]:
    version = article.current
    assert version is not None  # listed only with a version in use
    version.article = article
    return _hit(Hit(version, 0.0, version.body[:PASSAGE_CHARS]))


def _ranked_page(ranking: Ranking, page: PageParams) -> dict[str, Any]:
    return map_items(paginate_list(ranking.order, page), lambda pair: _hit(ranking.hit(pair)))


@router.get("/knowledge/articles", response=Page[HitOut])
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    """Approved articles of a program: with `q`, ranked by relevance (BM25) with the best
    passage of each; without, the oldest article first."""
    user = acting_user(request)
    program = access_program(user, params.program_id)
    if params.q:
        return _ranked_page(rank_articles(program.pk, params.q), params)
    articles = (
        Article.objects.visible_to(user)
        .filter(program=program, current__isnull=False)
        .select_related("current")
        .order_by("pk")
    )
    return map_items(paginate(articles, params), _current_hit)


@router.get("/knowledge/articles/{article_id}", response=ArticleOut)
def article(request: HttpRequest, article_id: ObjectId) -> dict[str, Any]:
    """An article and the version in use; editors also see every version."""
    user = acting_user(request)
    return _article(user, access_article(user, article_id))


@router.post("/knowledge/articles", response={201: VersionOut})
def create(request: HttpRequest, payload: ArticleIn) -> Status[ArticleVersion]:
    """A new article with its first draft (served only once approved)."""
    user = acting_user(request)
    program = access_program(user, payload.program_id)
    data = ArticleInput(
        title=payload.title,
        body=payload.body,
        keywords=payload.keywords,
        kind=payload.kind,
        audience=payload.audience,
        language=payload.language,
    )
    return Status(201, create_article(program, data, acting_user=user))


@router.put("/knowledge/articles/{article_id}", response=VersionOut)
def edit(request: HttpRequest, article_id: ObjectId, payload: ArticleEditIn) -> ArticleVersion:
    """Change the text: revises the open draft, or starts a new draft version."""
    user = acting_user(request)
    found = access_article(user, article_id)
    data = ArticleInput(title=payload.title, body=payload.body, keywords=payload.keywords)
    return edit_article(found, data, acting_user=user)


@router.post("/knowledge/versions/{version_id}/submit", response=VersionOut)
def submit(request: HttpRequest, version_id: ObjectId) -> ArticleVersion:
    user = acting_user(request)
    return submit_version(access_version(user, version_id), acting_user=user)


@router.post("/knowledge/versions/{version_id}/approve", response=VersionOut)
def approve(request: HttpRequest, version_id: ObjectId, payload: ApproveIn) -> ArticleVersion:
    """Another editor approves with a Part 11 signature (password re-entered)."""
    user = acting_user(request)
    version = access_version(user, version_id)
    return approve_version(version, acting_user=user, password=payload.password, note=payload.note)


@router.post("/knowledge/versions/{version_id}/reject", response=VersionOut)
def reject(request: HttpRequest, version_id: ObjectId, payload: RejectIn) -> ArticleVersion:
    user = acting_user(request)
    return reject_version(access_version(user, version_id), acting_user=user, note=payload.note)


@router.get("/cases/{case_id}/suggested-articles", response=Page[HitOut])
def suggested(request: HttpRequest, case_id: ObjectId, page: Query[PageParams]) -> dict[str, Any]:
    """Approved articles that match what the customer wrote on the case, best first (the case
    page shows the first three: `limit=3`)."""
    case = access_case(acting_user(request), case_id, for_display=False)
    return _ranked_page(rank_for_case(case), page)
