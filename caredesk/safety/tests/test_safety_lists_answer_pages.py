"""The safety lists answer the page envelope in one stable order, and only the caller's
programs' rows: a case's findings, a safety case's submissions, the programs' own rules, the
due-report calendar, the compliance report and the event-coding term search."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.safety.models import (
    Finding,
    FindingKind,
    FindingSource,
    SafetyCase,
    SafetyReportDue,
)
from caredesk.safety.models_rules import ProgramRule
from caredesk.terminology.services.search import search_terms
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages
from caredesk.testing.safety_objects import submission

pytestmark = pytest.mark.django_db


def finding(case: Case) -> Finding:
    interaction: Any = f.InteractionFactory(case=case)
    return Finding.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        kind=FindingKind.ADVERSE_EVENT,
        code="adverse_event",
        source=FindingSource.SCREENER,
        created_at=timezone.now(),
    )


def safety_case(case: Case, jurisdiction: str = "US") -> SafetyCase:
    now = timezone.now()
    return SafetyCase.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        jurisdiction=jurisdiction,
        first_received_at=now,
        forward_due=now,
        created_at=now,
    )


def rule(program_id: int, name: str, minutes: int) -> ProgramRule:
    author: Any = f.UserFactory()
    return ProgramRule.objects.create(  # scoping: ok (test data)
        program_id=program_id,
        rule_id=f"p{program_id}-{name}",
        entry={"kind": "internal_handoff_urgent", "clock": 24, "unit": "hours"},
        reason="SOP",
        content_sha256="0" * 64,
        proposed_by=author,
        proposed_at=timezone.now() - timedelta(minutes=minutes),
    )


def report(sc: SafetyCase, due: date, kind: str = "us_otc_serious") -> SafetyReportDue:
    return SafetyReportDue.objects.create(
        safety_case=sc, kind=kind, due=due, basis="test", computed_at=timezone.now()
    )


def test_findings_page_oldest_first(world):
    found = [finding(world.case_a).pk for _ in range(3)]
    finding(world.case_b)
    path = f"/cases/{world.case_a.pk}/findings"
    assert_pages(ApiClient(world.agent_a), path, found)
    assert ApiClient(world.agent_b).get(path).status_code == 404


def test_case_submissions_page_newest_first(world):
    sc = safety_case(world.case_a)
    made = [submission(sc, n).pk for n in (2, 0, 1)]
    submission(safety_case(world.case_b), 0)
    path = f"/safety-cases/{sc.pk}/submissions"
    assert_pages(ApiClient(world.safety_a), path, [made[1], made[2], made[0]])
    assert ApiClient(world.agent_b).get(path).status_code == 404


def test_program_rules_page_newest_proposal_first(world):
    rules = [rule(world.program_a.pk, name, m) for name, m in [("a", 3), ("b", 1), ("c", 2)]]
    rule(world.program_b.pk, "theirs", 0)
    expected = [rules[1].pk, rules[2].pk, rules[0].pk]
    assert_pages(ApiClient(world.admin_a), "/safety/program-rules", expected)
    only_a = {"program": world.program_a.pk}
    assert_pages(ApiClient(world.admin_a), "/safety/program-rules", expected, **only_a)
    theirs = ApiClient(world.admin_a).get("/safety/program-rules", program=world.program_b.pk)
    assert theirs.json()["count"] == 0


def test_due_reports_page_overdue_first_then_by_due_date(world):
    today = timezone.localdate()
    sc = safety_case(world.case_a)
    later, soon, overdue = (report(sc, today + timedelta(days=d)) for d in (9, 2, -3))
    same_day = report(safety_case(world.case_a), today + timedelta(days=2))
    report(safety_case(world.case_b), today - timedelta(days=5))
    expected = [overdue.pk, soon.pk, same_day.pk, later.pk]
    assert_pages(ApiClient(world.safety_a), "/safety/due-reports", expected, key="report_id")
    other = ApiClient(world.safety_a).get("/safety/due-reports", program=world.program_b.pk)
    assert other.status_code == 404


def test_compliance_rows_page_by_month(world):
    months = ["2026-01", "2026-02", "2026-03"]
    for month in months:
        report(safety_case(world.case_a), date.fromisoformat(f"{month}-10"))
    report(safety_case(world.case_b, "EU"), date(2026, 2, 10), kind="eu_serious")
    api = ApiClient(world.safety_a)
    rows = assert_pages(api, "/safety/compliance", months, key="month", months=months)
    assert {row["jurisdiction"] for row in rows} == {"US"}


def test_terms_page_in_rank_order(world):
    ranked = [hit.id for hit in search_terms("pain", limit=200)]
    assert len(ranked) >= 3
    assert_pages(ApiClient(world.agent_a), "/terminology/terms", ranked, q="pain")
