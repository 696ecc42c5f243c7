"""A program admin proposes a rule of the program's own (a partner agreement's shorter clock, a
24-hour internal hand-off for fatal or life-threatening cases); another program admin approves
it with a Part 11 e-signature; every step is audited; existing cases keep their dates until one
of their facts changes, and then record the program rule their date came from."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from caredesk.audit.models import AuditAction, AuditEvent, ESignature
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.safety.models_rules import ProgramRuleStatus
from caredesk.safety.services.handoff import set_assessment
from caredesk.safety.services.rules_program import (
    approve_program_rule,
    propose_program_rule,
    reject_program_rule,
)
from caredesk.safety.tests.test_reports_due_recomputed_only_when_a_fact_changes import valid_case
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db

PARTNER_10_DAYS = {
    "kind": "us_rx_15_day_alert",
    "jurisdiction": "US",
    "product_types": ["rx_drug"],
    "when": "serious_event and not expected",
    "clock": 10,
    "unit": "calendar_days",
    "citation": "Partner agreement PV-2026-04 §5.2; 21 CFR 314.80(c)(1)(i)",
    "basis": "serious and unexpected: partner agreement's 10-day clock",
    "effective_from": date(2026, 1, 1),
}
HANDOFF_24H = {
    "kind": "internal_handoff_urgent",
    "jurisdiction": "US",
    "product_types": ["rx_drug", "otc_drug", "supplement"],
    "when": "death or life_threatening",
    "clock": 24,
    "unit": "hours",
    "citation": "SOP-PV-007 §4 (internal)",
    "basis": "fatal or life-threatening case handed to pharmacovigilance",
}


@pytest.fixture
def second_admin(world):
    return f.member(world.program_a, Role.PROGRAM_ADMIN, username="admin2_a")


def test_an_override_is_proposed_approved_with_a_signature_and_audited(world, second_admin):
    rule = propose_program_rule(
        world.program_a,
        acting_user=world.admin_a,
        name="partner-10-day",
        entry=PARTNER_10_DAYS,
        reason="Partner agreement PV-2026-04",
        replaces="us-rx-15-day-alert",
    )
    assert rule.status == ProgramRuleStatus.PROPOSED and rule.rule_id == "relief-us-partner-10-day"
    with pytest.raises(Forbidden):
        approve_program_rule(rule, acting_user=world.admin_a, password=PASSWORD)
    approve_program_rule(rule, acting_user=second_admin, password=PASSWORD, note="checked")
    rule.refresh_from_db()
    assert rule.status == ProgramRuleStatus.APPROVED and rule.decided_by == second_admin
    signature = ESignature.objects.get(pk=rule.signature_id)
    assert signature.meaning == "responsibility" and signature.content_sha256 == rule.content_sha256
    actions = list(
        AuditEvent.objects.filter(model="safety.programrule", object_id=str(rule.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.CREATE, AuditAction.SIGN, AuditAction.UPDATE]


def test_a_wrong_password_signs_nothing_and_is_audited(world, second_admin):
    rule = propose_program_rule(
        world.program_a,
        acting_user=world.admin_a,
        name="handoff-24h",
        entry=HANDOFF_24H,
        reason="SOP-PV-007",
    )
    with pytest.raises(Forbidden):
        approve_program_rule(rule, acting_user=second_admin, password="wrong")
    rule.refresh_from_db()
    assert rule.status == ProgramRuleStatus.PROPOSED and rule.signature is None
    refused = AuditEvent.objects.filter(action=AuditAction.SIGN_FAILED, actor_id=second_admin.pk)
    assert refused.exists()


def test_only_program_admins_propose_and_a_bad_rule_is_refused(world):
    with pytest.raises(Forbidden):
        propose_program_rule(
            world.program_a, acting_user=world.safety_a, name="x-rule", entry={}, reason="x"
        )
    with pytest.raises(InvalidInput) as bad_flag:
        propose_program_rule(
            world.program_a,
            acting_user=world.admin_a,
            name="typo-rule",
            entry={**HANDOFF_24H, "when": "deaht"},
            reason="SOP",
        )
    assert "deaht" in bad_flag.value.message
    with pytest.raises(InvalidInput):  # same kind as the file's rule, overlapping: an override
        propose_program_rule(
            world.program_a,
            acting_user=world.admin_a,
            name="partner",
            entry=PARTNER_10_DAYS,
            reason="x",
        )


def test_rejecting_needs_a_reason_and_closes_the_proposal(world, second_admin):
    rule = propose_program_rule(
        world.program_a, acting_user=world.admin_a, name="handoff", entry=HANDOFF_24H, reason="x"
    )
    with pytest.raises(InvalidInput):
        reject_program_rule(rule, acting_user=second_admin, note=" ")
    reject_program_rule(rule, acting_user=second_admin, note="use the oversight setting")
    assert rule.status == ProgramRuleStatus.REJECTED
    with pytest.raises(Conflict):
        approve_program_rule(rule, acting_user=second_admin, password=PASSWORD)


def test_existing_cases_keep_their_dates_until_a_fact_changes(world, second_admin):
    sc = valid_case(world, "I took Curixa and got a bad rash and was hospitalized.")
    assert sc.reports.get().due == date(2026, 3, 17)
    for name, entry, replaces in (
        ("partner-10-day", PARTNER_10_DAYS, "us-rx-15-day-alert"),
        ("handoff-24h", HANDOFF_24H, ""),
    ):
        rule = propose_program_rule(
            world.program_a,
            acting_user=world.admin_a,
            name=name,
            entry=entry,
            reason="agreement",
            replaces=replaces,
        )
        approve_program_rule(rule, acting_user=second_admin, password=PASSWORD)
    set_assessment(sc, narrative="nothing new", acting_user=world.safety_a)
    assert [(r.kind, r.due) for r in sc.reports.all()] == [
        ("us_rx_15_day_alert", date(2026, 3, 17))
    ]
    set_assessment(sc, seriousness=["life_threatening"], acting_user=world.safety_a)
    reports = {r.kind: r for r in sc.reports.all()}
    assert reports["us_rx_15_day_alert"].due == date(2026, 3, 12)
    assert reports["us_rx_15_day_alert"].program_rule.rule_id == "relief-us-partner-10-day"
    handoff = reports["internal_handoff_urgent"]
    assert handoff.due_at == datetime(2026, 3, 3, 14, 0, tzinfo=UTC)  # Day 0 + 24 hours
    assert handoff.due == date(2026, 3, 3)
