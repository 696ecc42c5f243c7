"""Test data for the oversight tests (hand-off warnings, due calendar, escalation, compliance):
safety cases with chosen dates, their required reports and submissions, created directly so
each test states exactly the dates it is about."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from caredesk.safety.models import SafetyCase, SafetyCaseStatus, SafetyReportDue
from caredesk.safety.models_submission import Submission, SubmissionStatus
from caredesk.safety.services.clocks import forward_deadline
from caredesk.testing import factories as f

NY = ZoneInfo("America/New_York")
_numbers = itertools.count(1)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NY)


def safety_case(
    program: Any,
    received: datetime,
    *,
    seriousness: tuple[str, ...] = (),
    forwarded_at: datetime | None = None,
    jurisdiction: str = "US",
    status: str = SafetyCaseStatus.VALID,
    owner: Any = None,
) -> SafetyCase:
    case = f.CaseFactory(program=program, owner=owner)
    return SafetyCase.objects.create(
        program=program,
        case=case,
        status=status,
        jurisdiction=jurisdiction,
        seriousness=list(seriousness),
        serious=bool(seriousness),
        first_received_at=received,
        day_zero=received,
        forward_due=forward_deadline(program, received),
        forwarded_at=forwarded_at,
        created_at=received,
    )


def report(sc: SafetyCase, kind: str, due: date | str) -> SafetyReportDue:
    return SafetyReportDue.objects.create(
        safety_case=sc,
        kind=kind,
        due=due if isinstance(due, date) else date.fromisoformat(due),
        basis=f"{kind} (test)",
        computed_at=timezone.now(),
    )


def submission(
    sc: SafetyCase,
    sent_at: datetime | None,
    *,
    status: str = SubmissionStatus.SENT,
    resubmission_of: Submission | None = None,
) -> Submission:
    n = next(_numbers)
    created = (sent_at or timezone.now()) - timedelta(hours=1)
    return Submission.objects.create(
        program_id=sc.program_id,
        safety_case=sc,
        kind="e2b",
        status=status,
        message_number=f"TEST-MSG-{sc.pk}-{n}",
        batch_number=f"TEST-BATCH-{n}",
        content=b"<xml/>",
        content_type="application/xml",
        content_sha256="0" * 64,
        created_at=created,
        sent_at=sent_at,
        resubmission_of=resubmission_of,
    )
