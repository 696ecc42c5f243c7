"""The demo's recent contacts are screened by the real screener: every flagged adverse event has
its draft safety case with running clocks, worked cases carry their agents' decisions, closed
cases a disposition on every contact, and each draft exports an E2B(R3) report that validates."""

from __future__ import annotations

from datetime import timedelta

import pytest

from caredesk.cases.models import Case, CaseStatus, Interaction
from caredesk.demo.loader import DemoOptions, load_demo
from caredesk.demo.safety import SCREEN_DAYS
from caredesk.safety.e2b.validate import validate
from caredesk.safety.models import PV_KINDS, Finding, FindingStatus, SafetyCase, ScreeningRecord
from caredesk.safety.services.findings import undisposed_interactions
from caredesk.safety.services.submissions import export_e2b

DRUGS = ("rx_drug", "otc_drug", "supplement")
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def loaded(small_demo: DemoOptions) -> DemoOptions:
    options = DemoOptions(seed=11, persons=300, cases=3000, as_of=small_demo.as_of)
    load_demo(options)
    return options


def recent_cases(options: DemoOptions):
    since = options.as_of - timedelta(days=SCREEN_DAYS)
    return Case.objects.system_scope().filter(opened_at__gte=since)


def test_every_recent_contact_is_screened_and_older_ones_wait_for_the_sweep(loaded):
    recent = Interaction.objects.system_scope().filter(case__in=recent_cases(loaded))
    assert recent.exists()
    assert not recent.filter(screening__isnull=True).exists()
    history = ScreeningRecord.objects.system_scope().exclude(interaction__in=recent)
    # Beyond the week, only the serious cases of the history month (see safety_history).
    assert not history.exclude(case__topics__icontains="serious").exists()


def test_every_live_adverse_event_flag_has_a_draft_with_running_clocks(loaded):
    live = Finding.objects.system_scope().filter(kind__in=list(PV_KINDS))
    live = live.exclude(status=FindingStatus.DISMISSED)
    assert live.exists()
    assert not live.filter(safety_case__isnull=True).exists()
    drafts = SafetyCase.objects.system_scope().all()
    for draft in drafts:
        assert draft.forward_due > draft.first_received_at
        if draft.day_zero is not None and draft.serious and draft.product_type in DRUGS:
            assert draft.reports.exists(), f"serious safety case {draft.pk} owes no report"


def test_worked_cases_carry_decisions_and_closed_ones_a_disposition_everywhere(loaded):
    cases = recent_cases(loaded)
    worked = Finding.objects.system_scope().filter(case__in=cases.exclude(status=CaseStatus.NEW))
    assert not worked.filter(status=FindingStatus.FLAGGED).exists()
    assert not worked.filter(status=FindingStatus.DISMISSED, dismissal_reason="").exists()
    for case in cases.filter(status__in=[CaseStatus.RESOLVED, CaseStatus.CLOSED]):
        assert undisposed_interactions(case) == [], case.reference


def test_coded_drafts_export_e2b_that_validates_and_uncoded_ones_owe_only_the_coding(loaded):
    drafts = SafetyCase.objects.system_scope().select_related("case")
    coded = 0
    for draft in drafts:
        problems = [str(p) for p in validate(export_e2b(draft))]
        reactions = draft.reactions.all()
        if reactions and all(r.coded_code for r in reactions):
            coded += 1
            assert problems == [], "\n".join(problems)
        else:
            assert all("E.i.2.1b" in p for p in problems), "\n".join(problems)
    assert coded > 0
