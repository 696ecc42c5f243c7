"""A person confirms or dismisses each flag (a dismissal needs a reason and is audited), adds what
the screener missed, or marks an interaction "no AE / no complaint"; a case closes only then."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseStatus
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.cases.services.lifecycle import change_status
from caredesk.errors import Conflict, Forbidden, InvalidInput, NotFound
from caredesk.safety.models import FindingKind, FindingSource, FindingStatus, SafetyCase
from caredesk.safety.services.findings import (
    access_finding,
    add_finding,
    confirm_finding,
    dismiss_finding,
    mark_no_safety_content,
    undisposed_interactions,
)
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

AE = "Caller reports dizziness and nausea after taking Relievium."


def log(world, body, case=None):
    data = InteractionInput(channel="phone", direction="inbound", body=body)
    return log_interaction(case or world.case_a, data, acting_user=world.agent_a)


def close(world, case=None):
    return change_status(
        case or world.case_a, CaseStatus.CLOSED, acting_user=world.agent_a, reason="done"
    )


def test_a_dismissal_needs_a_reason_and_is_audited(world):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    with pytest.raises(InvalidInput):
        dismiss_finding(finding, reason=" ", acting_user=world.agent_a)
    dismiss_finding(finding, reason="caller described a film plot", acting_user=world.agent_a)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED and finding.decided_by == world.agent_a
    assert finding.dismissal_reason == "caller described a film plot"
    event = AuditEvent.objects.get(model="safety.finding", object_id=str(finding.pk))
    assert event.reason == "caller described a film plot"
    assert event.changes == {"status": ["flagged", "dismissed"]}
    with pytest.raises(Conflict):
        confirm_finding(finding, acting_user=world.agent_a)


def test_confirming_is_audited_and_opens_a_safety_case(world):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CONFIRMED and finding.safety_case is not None
    assert AuditEvent.objects.filter(model="safety.finding", object_id=str(finding.pk)).exists()


def test_only_writers_of_the_program_decide(world):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    with pytest.raises(Forbidden):
        confirm_finding(finding, acting_user=world.auditor_a)
    with pytest.raises(NotFound):
        dismiss_finding(finding, reason="x", acting_user=world.agent_b)
    with pytest.raises(NotFound):
        access_finding(world.agent_b, finding.pk)
    assert access_finding(world.agent_a, finding.pk) == finding


def test_an_agent_adds_a_finding_the_screener_missed(world):
    interaction = log(world, "Caller said the thing happened again after the new box.")
    assert not interaction.findings.exists()
    finding = add_finding(
        interaction,
        kind=FindingKind.ADVERSE_EVENT,
        code="adverse_event",
        note="Palpitations",
        products=["Relievium"],
        acting_user=world.agent_a,
    )
    assert finding.source == FindingSource.AGENT and finding.status == FindingStatus.CONFIRMED
    assert SafetyCase.objects.get(case=world.case_a).event_terms == ["palpitations"]
    with pytest.raises(InvalidInput):
        add_finding(interaction, kind="gossip", code="x", note="y", acting_user=world.agent_a)


def test_no_ae_marking_is_refused_where_flags_await_a_decision(world):
    interaction = log(world, AE)
    with pytest.raises(Conflict):
        mark_no_safety_content(interaction, acting_user=world.agent_a)


def test_a_case_closes_only_when_every_interaction_has_a_disposition(world):
    question = log(world, "What is the maximum daily dose?")
    report = log(world, AE)
    stray = f.InteractionFactory(case=world.case_a, body="Caller asked for a coupon.")
    assert undisposed_interactions(world.case_a) == [question.pk, report.pk, stray.pk]
    with pytest.raises(Conflict, match="3 interaction"):
        close(world)
    mark_no_safety_content(question, acting_user=world.agent_a, note="dosing question")
    for finding in report.findings.all():
        dismiss_finding(finding, reason="hypothetical", acting_user=world.agent_a)
    with pytest.raises(Conflict, match="1 interaction"):
        close(world)
    mark_no_safety_content(stray, acting_user=world.agent_a)  # screened now, then cleared
    close(world)
    world.case_a.refresh_from_db()
    assert world.case_a.status == CaseStatus.CLOSED


def test_a_case_without_interactions_closes_as_before(world):
    close(world)
