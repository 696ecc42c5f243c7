"""The compliance report: per regime and month, the share of reports submitted on time (sent,
in the program's time zone, on or before the due date; a rejected submission does not count)
and each late one with its cause, as rows and as CSV."""

from __future__ import annotations

import csv
import io

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.errors import Forbidden, InvalidInput
from caredesk.safety.models import SafetyReportDue
from caredesk.safety.models_submission import SubmissionStatus as S
from caredesk.safety.services.compliance import (
    compliance_csv,
    compliance_rows,
    export_compliance_csv,
    late_causes,
    parse_months,
)
from caredesk.safety.services.report_outcomes import (
    link_submission,
    outcomes_for,
    record_late_reason,
)
from caredesk.safety.tests.oversight_data import ny, report, safety_case, submission

pytestmark = pytest.mark.django_db
NOW = ny("2026-03-20 12:00")
RECEIVED = ny("2026-03-02 09:00")  # hand-off due Tuesday 2026-03-03 09:00
ON_TIME_HANDOFF = ny("2026-03-02 11:00")
LATE_HANDOFF = ny("2026-03-04 11:00")

CASES = [
    # (why, forwarded, due, [(sent, status) of the chain], status, causes, submitted_on)
    (
        "sent 23:30 New York on the due date: on time though UTC says the next day",
        ON_TIME_HANDOFF,
        "2026-03-16",
        [(ny("2026-03-16 23:30"), S.ACKNOWLEDGED)],
        "on_time",
        (),
        "2026-03-16",
    ),
    (
        "sent 00:30 the day after: one day late, the hand-off was on time",
        ON_TIME_HANDOFF,
        "2026-03-16",
        [(ny("2026-03-17 00:30"), S.ACKNOWLEDGED)],
        "late",
        ("submission_late",),
        "2026-03-17",
    ),
    (
        "hand-off late and submission late: the hand-off is the cause",
        LATE_HANDOFF,
        "2026-03-16",
        [(ny("2026-03-18 10:00"), S.SENT)],
        "late",
        ("hand_off_late",),
        "2026-03-18",
    ),
    (
        "sent on time, rejected, the accepted resubmission went late",
        ON_TIME_HANDOFF,
        "2026-03-16",
        [(ny("2026-03-15 10:00"), S.REJECTED), (ny("2026-03-18 10:00"), S.ACKNOWLEDGED)],
        "late",
        ("rejected_resubmitted_late",),
        "2026-03-18",
    ),
    (
        "rejected, then a second rejection, the third went on time",
        ON_TIME_HANDOFF,
        "2026-03-16",
        [
            (ny("2026-03-10 10:00"), S.REJECTED),
            (ny("2026-03-12 10:00"), S.REJECTED),
            (ny("2026-03-16 10:00"), S.ACKNOWLEDGED),
        ],
        "on_time",
        (),
        "2026-03-16",
    ),
    (
        "rejected on time and not resubmitted: overdue",
        ON_TIME_HANDOFF,
        "2026-03-16",
        [(ny("2026-03-15 10:00"), S.REJECTED)],
        "overdue",
        ("rejected_resubmitted_late",),
        None,
    ),
    (
        "never sent (a signed draft) and past due, never handed off either",
        None,
        "2026-03-16",
        [(None, S.SIGNED)],
        "overdue",
        ("hand_off_late", "not_submitted"),
        None,
    ),
    (
        "nothing sent yet and due tomorrow: pending, no cause",
        ON_TIME_HANDOFF,
        "2026-03-21",
        [],
        "pending",
        (),
        None,
    ),
    (
        "due today, nothing sent yet: still pending until the day ends",
        ON_TIME_HANDOFF,
        "2026-03-20",
        [],
        "pending",
        (),
        None,
    ),
]


def chain(sc, steps):
    previous = None
    for sent, status in steps:
        previous = submission(sc, sent, status=status, resubmission_of=previous)


@pytest.mark.parametrize(("why", "forwarded", "due", "steps", "status", "causes", "on"), CASES)
def test_each_reports_outcome_and_cause(world, why, forwarded, due, steps, status, causes, on):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=forwarded)
    r = report(sc, "us_otc_serious", due)
    chain(sc, steps)
    outcome = outcomes_for([r], NOW)[r.pk]
    assert outcome.status == status, why
    assert late_causes(outcome) == causes, why
    assert (outcome.submitted_on.isoformat() if outcome.submitted_on else None) == on, why


def test_rows_per_regime_and_month_with_the_on_time_share(world):
    for due, sent in [
        ("2026-02-10", ny("2026-02-09 10:00")),
        ("2026-03-10", ny("2026-03-09 10:00")),
        ("2026-03-11", ny("2026-03-11 10:00")),
        ("2026-03-12", ny("2026-03-13 10:00")),
        ("2026-03-13", None),
        ("2026-03-25", None),
    ]:
        sc = safety_case(world.program_a, RECEIVED, forwarded_at=ON_TIME_HANDOFF)
        report(sc, "us_otc_serious", due)
        if sent:
            submission(sc, sent)
    eu = safety_case(world.program_a, RECEIVED, forwarded_at=ON_TIME_HANDOFF, jurisdiction="EU")
    report(eu, "eu_serious", "2026-03-05")
    submission(eu, ny("2026-03-05 09:00"))
    other = safety_case(world.program_b, RECEIVED, forwarded_at=ON_TIME_HANDOFF)
    report(other, "us_otc_serious", "2026-03-10")

    rows = compliance_rows([world.program_a], ["2026-03"], now=NOW)
    summary = [
        (r.month, r.jurisdiction, r.kind, r.due, r.on_time, r.late, r.overdue, r.pending)
        for r in rows
    ]
    assert summary == [
        ("2026-03", "EU", "eu_serious", 1, 1, 0, 0, 0),
        ("2026-03", "US", "us_otc_serious", 5, 2, 1, 1, 1),
    ]
    assert rows[1].share_on_time == pytest.approx(0.5)
    assert [lr.cause for lr in rows[1].late_reports] == ["submission_late", "not_submitted"]
    both = compliance_rows([world.program_a], ["2026-02", "2026-03"], now=NOW)
    assert [(r.month, r.kind) for r in both] == [
        ("2026-02", "us_otc_serious"),
        ("2026-03", "eu_serious"),
        ("2026-03", "us_otc_serious"),
    ]
    assert compliance_rows([world.program_a], [], now=NOW) == []


def test_an_explicit_link_decides_which_submission_fulfils_which_report(world):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=ON_TIME_HANDOFF)
    initial = report(sc, "us_rx_15_day_alert", "2026-03-10")
    follow_up = report(sc, "us_rx_15_day_follow_up", "2026-03-12")
    first = submission(sc, ny("2026-03-09 10:00"))
    second = submission(sc, ny("2026-03-11 10:00"))
    paired = outcomes_for([initial, follow_up], NOW)
    assert paired[initial.pk].submission == first  # derived: in order
    assert paired[follow_up.pk].submission == second
    link_submission(follow_up, first.pk, acting_user=world.safety_a)
    linked = outcomes_for([initial, follow_up], NOW)
    assert linked[follow_up.pk].submission == first
    assert linked[initial.pk].submission == second
    assert linked[initial.pk].status == "late"
    with pytest.raises(Forbidden):
        link_submission(initial, second.pk, acting_user=world.agent_a)
    elsewhere = submission(safety_case(world.program_a, RECEIVED), ny("2026-03-09 10:00"))
    with pytest.raises(InvalidInput):
        link_submission(initial, elsewhere.pk, acting_user=world.safety_a)
    assert AuditEvent.objects.filter(model="safety.reporttracking").count() == 1


def test_csv_summary_and_late_lines_with_the_recorded_reason(world):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=ON_TIME_HANDOFF)
    r = report(sc, "us_otc_serious", "2026-03-10")
    submission(sc, ny("2026-03-12 10:00"))
    record_late_reason(r, reason="=Reporter sent the label copy late", acting_user=world.safety_a)
    with pytest.raises(InvalidInput):
        record_late_reason(r, reason="  ", acting_user=world.safety_a)
    rows = compliance_rows([world.program_a], ["2026-03"], now=NOW)
    summary = list(csv.DictReader(io.StringIO(compliance_csv(rows))))
    assert summary == [
        {
            "month": "2026-03",
            "jurisdiction": "US",
            "report_kind": "us_otc_serious",
            "due": "1",
            "on_time": "0",
            "late": "1",
            "overdue": "0",
            "pending": "0",
            "on_time_share": "0.0",
        }
    ]
    (late,) = csv.DictReader(io.StringIO(compliance_csv(rows, "late")))
    assert late["days_late"] == "2" and late["cause"] == "submission_late"
    assert late["case_reference"] == sc.case.reference
    assert late["late_reason"] == "'=Reporter sent the label copy late"  # no formula


def test_the_export_is_audited_per_program_and_months_are_validated(world):
    body = export_compliance_csv(
        [world.program_a], ["2026-03"], "summary", acting_user=world.safety_a
    )
    assert body.startswith("month,jurisdiction")
    assert AuditEvent.objects.filter(action="export", program_id=world.program_a.pk).exists()
    assert parse_months(["2026-3", "2026-03", "2025-12"]) == ["2025-12", "2026-03"]
    for bad in (["2026-13"], ["March"], ["2026"]):
        with pytest.raises(InvalidInput):
            parse_months(bad)


@pytest.mark.parametrize(
    ("sent", "status"),
    [
        (ny("2026-03-16 09:59"), "on_time"),
        (ny("2026-03-16 10:01"), "late"),
        (None, "overdue"),
    ],
)
def test_an_hour_clock_counts_to_the_minute(world, sent, status):
    sc = safety_case(world.program_a, RECEIVED, forwarded_at=ON_TIME_HANDOFF)
    r = report(sc, "internal_24_hour", "2026-03-16")
    SafetyReportDue.objects.filter(pk=r.pk).update(due_at=ny("2026-03-16 10:00"))
    r.refresh_from_db()
    if sent:
        submission(sc, sent)
    assert outcomes_for([r], ny("2026-03-16 11:00"))[r.pk].status == status
