"""Safety records of one program for the route-walking tests: a finding, a safety case with a
reaction, a drug and a follow-up attempt, a QA review, a submission and a complaint, keyed by
the path parameter names of the safety and quality routes (created directly, without the
services, so each side is independent)."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from django.utils import timezone

from caredesk.cases.models import Case, Interaction
from caredesk.quality.models import Complaint
from caredesk.safety.models import (
    Finding,
    FindingKind,
    FindingSource,
    FollowUpAttempt,
    SafetyCase,
    SafetyReportDue,
)
from caredesk.safety.models_detail import QaKind, QaReview, SafetyProduct, SafetyReaction
from caredesk.safety.models_submission import Submission
from caredesk.testing.rules_objects import rules_side


def submission(safety_case: SafetyCase, n: int = 0) -> Submission:
    """A draft E2B submission with placeholder content; the n-th is n minutes older (the walkers
    only need an id, the page tests an order)."""
    return Submission.objects.create(  # scoping: ok (test data)
        program_id=safety_case.program_id,
        safety_case=safety_case,
        kind="e2b",
        message_number=f"TEST-{safety_case.pk}-{n}",
        batch_number=f"TEST-{safety_case.pk}-{n}-B",
        content=b"<xml/>",
        content_type="application/xml",
        content_sha256=hashlib.sha256(b"<xml/>").hexdigest(),
        created_at=safety_case.created_at - timedelta(minutes=n),
    )


def _case_details(safety_case: SafetyCase) -> dict[str, int]:
    """A reaction, a drug and a follow-up attempt of the safety case, by route parameter."""
    now = safety_case.created_at
    reaction = SafetyReaction.objects.create(
        safety_case=safety_case, verbatim="rash", created_at=now
    )
    drug = SafetyProduct.objects.create(safety_case=safety_case, name="Product", created_at=now)
    attempt = FollowUpAttempt.objects.create(
        safety_case=safety_case, n=1, channel="phone", due_at=now
    )
    return {"reaction_id": reaction.pk, "drug_id": drug.pk, "attempt_id": attempt.pk}


def _report(safety_case: SafetyCase) -> SafetyReportDue:
    now = safety_case.created_at
    return SafetyReportDue.objects.create(
        safety_case=safety_case,
        kind="us_otc_serious",
        due=now.date(),
        basis="test",
        computed_at=now,
    )


def safety_side(case: Case, interaction: Interaction) -> dict[str, int]:
    now = timezone.now()
    finding = Finding.objects.create(
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        kind=FindingKind.ADVERSE_EVENT,
        code="adverse_event",
        source=FindingSource.SCREENER,
        created_at=now,
    )
    safety_case = SafetyCase.objects.create(
        program_id=case.program_id,
        case=case,
        jurisdiction="US",
        first_received_at=now,
        forward_due=now,
        created_at=now,
    )
    review = QaReview.objects.create(
        program_id=case.program_id,
        week=now.date(),
        kind=QaKind.UNFLAGGED,
        case=case,
        interaction=interaction,
        seed="test",
        created_at=now,
    )
    complaint = Complaint.objects.create(
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        received_at=now,
        nature="cap was cracked",
        categories=["packaging"],
        created_at=now,
    )
    draft = submission(safety_case)
    ids: dict[str, Any] = {
        "complaint_id": complaint.pk,
        "finding_id": finding.pk,
        "safety_case_id": safety_case.pk,
        "qa_review_id": review.pk,
        "report_id": _report(safety_case).pk,
        "submission_id": draft.pk,
        **_case_details(safety_case),
    }
    ids.update(rules_side(case.program_id))
    return ids
