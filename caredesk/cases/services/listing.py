"""Reading lists of cases and interactions a user may see, for the API and exports."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from caredesk.cases.models import Case, CaseRequest, Interaction

_CASE_RELATED = ("program", "person", "owner", "queue", "product", "lot")


def list_cases(
    user: Any,
    *,
    program_id: int | None = None,
    status: str | None = None,
    queue_id: int | None = None,
    case_type: str | None = None,
    person_id: int | None = None,
) -> QuerySet[Case]:
    """Cases the user may see, newest first, narrowed by the filters that are given."""
    qs = Case.objects.visible_to(user).select_related(*_CASE_RELATED)
    if program_id is not None:
        qs = qs.filter(program_id=program_id)
    if status:
        qs = qs.filter(status=status)
    if queue_id is not None:
        qs = qs.filter(queue_id=queue_id)
    if case_type:
        qs = qs.filter(case_type=case_type)
    if person_id is not None:
        qs = qs.filter(person_id=person_id)
    return qs.order_by("-opened_at", "-id")


def list_interactions(case: Case) -> QuerySet[Interaction]:
    """Every version of every interaction on a case the caller already may see, in order."""
    return (
        case.interactions.select_related("author")
        .prefetch_related("attachments")
        .order_by("occurred_at", "id")
    )


def list_requests(case: Case) -> QuerySet[CaseRequest]:
    return case.requests.order_by("created_at", "id")


def search_cases(user: Any, query: str, limit: int = 25) -> QuerySet[Case]:
    """Cases the user may see whose reference starts with the query (case-insensitive)."""
    text = query.strip().upper()
    if len(text) < 3:
        return Case.objects.none()
    return (
        Case.objects.visible_to(user)
        .filter(reference__startswith=text)
        .select_related(*_CASE_RELATED)
        .order_by("reference")[:limit]
    )
