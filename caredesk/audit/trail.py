"""Reading the audit trail for people: scoped to the reader's programs, exports audited.

An event is visible only when its `program_id` is one of the reader's programs, so an auditor of
one client never learns what happened in another client's program, not even that a record
exists (the answer is the same 404 as for a record that never existed).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.apps import apps

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.services import record_event
from caredesk.errors import NotFound

RECENT_LIMIT = 100
CSV_HEADER = [
    "seq",
    "at_utc",
    "actor",
    "action",
    "model",
    "object_id",
    "field",
    "old",
    "new",
    "reason",
    "request_id",
    "hash",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


def known_model_labels() -> list[str]:
    """Model labels a reader may search by (`cases.case`, `people.person`, …)."""
    return sorted(m._meta.label_lower for m in apps.get_models())


def recent_events(user: Any, limit: int = RECENT_LIMIT) -> list[AuditEvent]:
    """The latest events of the user's programs, newest first."""
    return list(AuditEvent.objects.visible_to(user).order_by("-seq")[:limit])


def access_trail(user: Any, model_label: str, object_id: str) -> list[AuditEvent]:
    """Every visible event of one record, oldest first; NotFound when none is visible."""
    events = list(
        AuditEvent.objects.visible_to(user)
        .filter(model=model_label.lower(), object_id=str(object_id))
        .order_by("seq")
    )
    if not events:
        raise NotFound("No audit trail for this record.")
    return events


def field_changes(event: AuditEvent) -> list[FieldChange]:
    """An event's changes as field, old → new (a value that is not a pair is shown as new)."""
    out: list[FieldChange] = []
    for name, value in sorted((event.changes or {}).items()):
        if isinstance(value, list | tuple) and len(value) == 2:
            out.append(FieldChange(name, value[0], value[1]))
        else:
            out.append(FieldChange(name, None, value))
    return out


def format_utc(event: AuditEvent) -> str:
    return event.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _rows(events: list[AuditEvent]) -> Iterator[list[str]]:
    for event in events:
        changes = field_changes(event) or [FieldChange("", None, None)]
        for change in changes:
            yield [
                _cell(v)
                for v in (
                    event.seq,
                    format_utc(event),
                    event.actor_username,
                    event.action,
                    event.model,
                    event.object_id,
                    change.field,
                    change.old,
                    change.new,
                    event.reason,
                    event.request_id,
                    event.hash,
                )
            ]


def export_trail_csv(user: Any, model_label: str, object_id: str) -> str:
    """The record's trail as CSV; the export itself is recorded in the trail."""
    events = access_trail(user, model_label, object_id)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    writer.writerows(_rows(events))
    record_event(
        AuditAction.EXPORT,
        acting_user=user,
        model=events[-1].model,
        object_id=events[-1].object_id,
        program_id=events[-1].program_id,
        changes={"format": [None, "csv"], "events": [None, len(events)]},
        reason="audit trail export",
    )
    return buffer.getvalue()
