"""Writing to and reading a case's timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from caredesk.cases.models import Case, Interaction, TimelineEntry, TimelineKind


def add_timeline_entry(
    case: Case,
    kind: TimelineKind,
    summary: str,
    *,
    actor: Any = None,
    interaction: Interaction | None = None,
    at: datetime | None = None,
    data: dict[str, Any] | None = None,
) -> TimelineEntry:
    return TimelineEntry.objects.create(
        program_id=case.program_id,
        case=case,
        at=at or timezone.now(),
        kind=kind,
        summary=summary[:500],
        actor=actor if getattr(actor, "pk", None) else None,
        interaction=interaction,
        data=data or {},
    )


def case_timeline(case: Case) -> QuerySet[TimelineEntry]:
    return case.timeline.select_related("actor", "interaction").order_by("at", "id")
