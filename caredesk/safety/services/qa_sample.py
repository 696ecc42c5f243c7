"""QA sampling: a safety specialist re-checks a random sample of what agents let go.

Each program-week, a sample of the flags agents dismissed and of the contacts the screener did
not flag at all goes to the program's safety specialists. The draw is seeded by program, week
and an optional salt, so the same data gives the same sample (an inspector can reproduce it),
and it is drawn once per program, week and kind. A reviewer who disagrees adds the missed
finding, which routes like any other (a safety case or a complaint).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Interaction
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.safety.models import Finding, FindingKind, FindingStatus
from caredesk.safety.models_detail import QaKind, QaReview, QaStatus
from caredesk.safety.services.findings import add_finding
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import check_can_write, roles_of


@dataclass(frozen=True)
class SampleSize:
    """rate of the candidates, at least `minimum` (all of them when fewer)."""

    rate: float
    minimum: int

    def of(self, available: int) -> int:
        return min(available, max(self.minimum, math.ceil(self.rate * available)))


DISMISSED_SIZE = SampleSize(rate=0.2, minimum=5)
UNFLAGGED_SIZE = SampleSize(rate=0.02, minimum=5)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_bounds(program: Program, monday: date) -> tuple[datetime, datetime]:
    tz = ZoneInfo(program.time_zone)
    start = datetime.combine(monday, time.min, tzinfo=tz)
    return start, start + timedelta(days=7)


def _draw(ids: list[int], size: SampleSize, rng: random.Random) -> list[int]:
    ids = sorted(ids)
    return sorted(rng.sample(ids, size.of(len(ids))))


def sample_week(
    program: Program,
    monday: date,
    *,
    salt: str = "",
    dismissed: SampleSize = DISMISSED_SIZE,
    unflagged: SampleSize = UNFLAGGED_SIZE,
    acting_user: Any = None,
) -> list[QaReview]:
    """Draw the week's sample (once per kind); returns the program-week's reviews."""
    monday = week_start(monday)
    week = _Week(program, monday, week_bounds(program, monday), f"{program.code}:{monday}:{salt}")
    rng = random.Random(week.seed)
    existing = QaReview.objects.filter(program=program, week=monday)
    drawn = set(existing.values_list("kind", flat=True))
    with transaction.atomic():
        if QaKind.DISMISSED not in drawn:
            _sample_dismissed(week, dismissed, rng, acting_user)
        if QaKind.UNFLAGGED not in drawn:
            _sample_unflagged(week, unflagged, rng, acting_user)
    return list(existing.order_by("kind", "pk"))


@dataclass(frozen=True)
class _Week:
    program: Program
    monday: date
    bounds: tuple[datetime, datetime]
    seed: str


def _sample_dismissed(week: _Week, size: SampleSize, rng: random.Random, acting_user: Any) -> None:
    start, end = week.bounds
    findings = Finding.objects.filter(
        program=week.program,
        status=FindingStatus.DISMISSED,
        decided_at__gte=start,
        decided_at__lt=end,
        qa_reviews__isnull=True,
    )
    ids = _draw(list(findings.values_list("pk", flat=True)), size, rng)
    for finding in Finding.objects.filter(pk__in=ids).order_by("pk"):
        _create(
            week.program,
            week.monday,
            week.seed,
            QaKind.DISMISSED,
            finding.interaction,
            acting_user,
            finding=finding,
        )


def _sample_unflagged(week: _Week, size: SampleSize, rng: random.Random, acting_user: Any) -> None:
    start, end = week.bounds
    quiet = Interaction.objects.filter(
        program=week.program,
        received_at__gte=start,
        received_at__lt=end,
        screening__isnull=False,
        findings__isnull=True,
    )
    ids = _draw(list(quiet.values_list("pk", flat=True)), size, rng)
    sampled = set(
        QaReview.objects.filter(kind=QaKind.UNFLAGGED, interaction_id__in=ids).values_list(
            "interaction_id", flat=True
        )
    )
    for interaction in Interaction.objects.filter(pk__in=ids).order_by("pk"):
        if interaction.pk not in sampled:
            _create(
                week.program, week.monday, week.seed, QaKind.UNFLAGGED, interaction, acting_user
            )


def _create(
    program: Program,
    monday: date,
    seed: str,
    kind: str,
    interaction: Interaction,
    acting_user: Any,
    finding: Finding | None = None,
) -> QaReview:
    review = QaReview.objects.create(
        program=program,
        week=monday,
        kind=kind,
        case_id=interaction.case_id,
        interaction=interaction,
        finding=finding,
        seed=seed[:80],
        created_at=timezone.now(),
    )
    record_created(
        review,
        acting_user=acting_user,
        fields=["week", "kind", "interaction", "finding", "seed"],
    )
    return review


def sample_previous_week(now: datetime | None = None) -> int:
    """For a weekly job: draw last week's sample in every program. Returns reviews created."""
    now = now or timezone.now()
    before = QaReview.objects.system_scope().count()
    for program in Program.objects.system_scope().order_by("pk"):
        local = now.astimezone(ZoneInfo(program.time_zone)).date()
        sample_week(program, week_start(local) - timedelta(days=7))
    return QaReview.objects.system_scope().count() - before


def access_qa_review(user: Any, review_id: int) -> QaReview:
    return QaReview.objects.visible_one(user, review_id, "QA review")


def check_reviewer(user: Any, program_id: int) -> None:
    check_can_write(user, program_id)
    if Role.SAFETY_SPECIALIST not in roles_of(user, program_id):
        raise Forbidden("Only a safety specialist of the program reviews QA samples")


def review_sample(
    review: QaReview,
    *,
    agree: bool,
    acting_user: Any,
    note: str = "",
    kind: str = "",
    code: str = "",
) -> QaReview:
    """Agree with the agent (or the screener's silence), or add the finding that was missed."""
    check_reviewer(acting_user, review.program_id)
    if review.status != QaStatus.PENDING:
        raise Conflict("This sample was already reviewed")
    note = note.strip()
    added = None
    with transaction.atomic():
        if not agree:
            if not note:
                raise InvalidInput("Say what was missed", {"note": "required"})
            kind = kind or (review.finding.kind if review.finding else FindingKind.ADVERSE_EVENT)
            code = code or (review.finding.code if review.finding else kind)
            added = add_finding(
                review.interaction,
                kind=kind,
                code=code,
                note=f"QA review: {note}",
                acting_user=acting_user,
            )
        review.status = QaStatus.AGREED if agree else QaStatus.MISSED
        review.note = note
        review.added_finding = added
        review.reviewed_by = acting_user
        review.reviewed_at = timezone.now()
        review.save()
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=review,
            changes={"status": [QaStatus.PENDING, review.status]},
            reason=note,
        )
    return review
