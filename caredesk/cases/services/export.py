"""Exporting a program's cases as CSV; every export is an audited EXPORT event."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Case
from caredesk.tenancy.models import Program

CASE_EXPORT_COLUMNS = [
    "reference",
    "subject",
    "case_type",
    "status",
    "priority",
    "person_id",
    "product",
    "lot",
    "queue",
    "owner",
    "opened_at",
    "first_response_due",
    "resolution_due",
    "first_responded_at",
    "resolved_at",
    "closed_at",
    "sla_state",
]


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (CSV injection)."""
    text = (
        "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    )
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _row(case: Case) -> list[str]:
    values = {
        **{name: getattr(case, name) for name in CASE_EXPORT_COLUMNS if hasattr(case, name)},
        "person_id": case.person_id,
        "product": case.product.name if case.product else "",
        "lot": case.lot.number if case.lot else "",
        "queue": case.queue.code if case.queue else "",
        "owner": case.owner.username if case.owner else "",
    }
    return [_cell(values[name]) for name in CASE_EXPORT_COLUMNS]


def export_cases_csv(program: Program, *, acting_user: Any) -> str:
    """Every case of a program the caller may see (`program` comes from access_program)."""
    cases = (
        Case.objects.visible_to(acting_user)
        .filter(program=program)
        .select_related("product", "lot", "queue", "owner")
        .order_by("opened_at", "id")
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CASE_EXPORT_COLUMNS)
    rows = 0
    with transaction.atomic():
        for case in cases.iterator(chunk_size=500):
            writer.writerow(_row(case))
            rows += 1
        record_event(
            AuditAction.EXPORT,
            acting_user=acting_user,
            model="cases.case",
            program_id=program.pk,
            changes={"format": "csv", "rows": rows},
        )
    return out.getvalue()
