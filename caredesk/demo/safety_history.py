"""A month of regulatory history, so the due-report calendar and the compliance report have
something to show: the serious adverse-event cases of the `HISTORY_DAYS` days before the
screened week went all the way through pharmacovigilance.

Each one is screened and decided like the recent week, handed off, acknowledged, and every
report it owes is prepared, signed (Part 11, with the demo password) and sent through the real
submission services. Only the timestamps are then moved back to when it happened (the services
stamp "now"), which is the same documented system bypass as the rest of the demo: most reports
went out well before their due date, some late, and a few were rejected by the receiver and
resubmitted, so every cause the compliance report knows appears.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta

from caredesk.accounts.models import User
from caredesk.cases.models import Case, CaseType
from caredesk.demo.catalog import DEMO_PASSWORD
from caredesk.demo.safety import CLOSED, SCREEN_DAYS, screen_cases
from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.models import SafetyCase, SafetyReportDue
from caredesk.safety.models_submission import Submission, SubmissionKind, SubmissionStatus
from caredesk.safety.services.handoff import acknowledge_pv, forward_to_pv
from caredesk.safety.services.report_outcomes import link_submission
from caredesk.safety.services.safety_cases import record_criterion
from caredesk.safety.services.submissions import create_submission, mark_sent, sign_submission
from caredesk.tenancy.models import Membership, Role

HISTORY_DAYS = 28
LATE_HAND_OFF = 0.1
LATE_SUBMISSION = 0.08
REJECTED = 0.05


def load_history(as_of: datetime, rng: random.Random) -> Counter[str]:
    """Screen, hand off and submit the serious cases of the month before the screened week."""
    end = as_of - timedelta(days=SCREEN_DAYS)
    window = Case.objects.system_scope().filter(
        case_type=CaseType.ADVERSE_EVENT,
        status__in=list(CLOSED),
        opened_at__gte=end - timedelta(days=HISTORY_DAYS),
        opened_at__lt=end,
    )
    # JSON "contains" is not portable to SQLite: the topics are read here instead.
    serious = [pk for pk, topics in window.values_list("pk", "topics") if "serious" in topics]
    cases = Case.objects.system_scope().filter(pk__in=serious)
    counts = screen_cases(cases, as_of, rng)
    specialists = _specialists()
    drafts = SafetyCase.objects.system_scope().filter(case__in=cases)
    drafts = drafts.select_related("program", "case__person")
    for safety_case in drafts.order_by("first_received_at", "pk"):
        user = specialists.get(safety_case.program_id)
        if user is None:
            continue
        _complete_criteria(safety_case, user)
        if safety_case.day_zero is None:
            continue
        _hand_off(safety_case, user, rng)
        for report in safety_case.reports.order_by("due", "pk"):
            try:
                counts["submissions"] += _submit(safety_case, report, user, as_of, rng)
            except (InvalidInput, Conflict):
                # A report that cannot be built yet (an event nobody could code): it stays
                # due, and overdue in time, as it would for a real team.
                counts["reports_not_submittable"] += 1
    return counts


def _specialists() -> dict[int, User]:
    memberships = Membership.objects.filter(role=Role.SAFETY_SPECIALIST, active=True)
    return {m.program_id: m.user for m in memberships.select_related("user").order_by("-pk")}


def _complete_criteria(safety_case: SafetyCase, user: User) -> None:
    """Follow-up reached the caller: the patient is the person who called (the demo's callers
    report their own reactions), recorded against their first contact, as a specialist would."""
    if safety_case.has_patient or safety_case.case.person is None:
        return
    first = safety_case.case.interactions.order_by("received_at", "pk").first()
    if first is None:
        return
    person = safety_case.case.person
    evidence = f"Caller is the patient: {person.first_name}, confirmed on follow-up"
    record_criterion(
        safety_case, "patient", evidence=evidence, source=first, acting_user=user, patient=person
    )


def _hand_off(safety_case: SafetyCase, user: User, rng: random.Random) -> None:
    forward_to_pv(safety_case, acting_user=user)
    acknowledge_pv(safety_case, acting_user=user)
    allowed = safety_case.forward_due - safety_case.first_received_at
    share = rng.uniform(1.1, 2.5) if rng.random() < LATE_HAND_OFF else rng.uniform(0.05, 0.9)
    forwarded = safety_case.first_received_at + allowed * share
    SafetyCase.objects.filter(pk=safety_case.pk).update(
        forwarded_at=forwarded, acknowledged_at=forwarded + timedelta(hours=rng.uniform(1, 6))
    )


def _submit(
    safety_case: SafetyCase,
    report: SafetyReportDue,
    user: User,
    as_of: datetime,
    rng: random.Random,
) -> int:
    """One report prepared, signed and sent; returns how many submissions that took."""
    due = report.due
    late = rng.random() < LATE_SUBMISSION
    offset = timedelta(days=rng.randint(1, 6) if late else -rng.randint(0, 9))
    received = safety_case.first_received_at
    sent_at = max(datetime.combine(due, received.timetz()) + offset, received + timedelta(days=1))
    if sent_at >= as_of:
        return 0  # not due yet and not sent yet: the calendar shows it as coming up
    first = _send(safety_case, user, sent_at)
    # Named as the report it fulfils: a case owing two reports sent out of due-date order
    # would otherwise pair them the wrong way round.
    link_submission(report, first.pk, acting_user=user)
    if rng.random() >= REJECTED:
        _acknowledge(first, SubmissionStatus.ACKNOWLEDGED, "CA", sent_at)
        return 1
    _acknowledge(first, SubmissionStatus.REJECTED, "CR", sent_at)
    again_at = sent_at + timedelta(days=rng.randint(1, 8))
    if again_at >= as_of:
        return 1
    again = _send(safety_case, user, again_at, resubmission_of=first)
    _acknowledge(again, SubmissionStatus.ACKNOWLEDGED, "CA", again_at)
    return 2


def _send(
    safety_case: SafetyCase,
    user: User,
    sent_at: datetime,
    resubmission_of: Submission | None = None,
) -> Submission:
    kind = SubmissionKind.MEDWATCH if safety_case.product_type == "device" else SubmissionKind.E2B
    submission = create_submission(
        safety_case, kind=kind, acting_user=user, resubmission_of=resubmission_of
    )
    sign_submission(submission, acting_user=user, password=DEMO_PASSWORD)
    mark_sent(submission, acting_user=user)
    signed_at = sent_at - timedelta(minutes=20)
    Submission.objects.filter(pk=submission.pk).update(
        created_at=signed_at - timedelta(hours=2), signed_at=signed_at, sent_at=sent_at
    )
    return submission


def _acknowledge(submission: Submission, status: str, code: str, sent_at: datetime) -> None:
    errors = [] if code == "CA" else ["FDA.C.1.7.1: report type missing or invalid (demo)"]
    Submission.objects.filter(pk=submission.pk).update(
        status=status,
        ack_code=code,
        ack_batch_code="AA",
        ack_received_at=sent_at + timedelta(hours=6),
        ack_errors=errors,
    )
