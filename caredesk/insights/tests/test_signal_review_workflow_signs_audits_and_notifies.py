"""Review of a candidate signal: an agent's flag opens it (a second flag joins it), a safety
specialist starts the review and closes it with a reason and an e-signature (a wrong password
is refused and audited), a validated signal notifies safety and quality in-app and by email,
and follow-ups start a complaint investigation or a recall assessment noted on the cases."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from caredesk.audit.models import AuditAction, AuditEvent, ESignature
from caredesk.audit.signatures import SignatureRefused, signature_problems
from caredesk.cases.models import TimelineEntry, TimelineKind
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.insights.models import CandidateSignal, SignalSource, SignalStatus
from caredesk.insights.services.actions import (
    start_complaint_investigation,
    start_recall_assessment,
)
from caredesk.insights.services.candidates import flag_case
from caredesk.insights.services.workflow import close_signal, signed_content, start_review
from caredesk.quality.models import Complaint, InvestigationDecision, Notification
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db


def _flagged(world):
    return flag_case(
        world.case_a, acting_user=world.agent_a, note="third caller this week", event="dizziness"
    )


def test_an_agents_flag_opens_a_candidate_and_a_second_flag_joins_it(world):
    signal = _flagged(world)
    assert signal.source == SignalSource.AGENT and signal.status == SignalStatus.NEW
    assert (signal.product, signal.lot_number) == (world.product_a, world.lot_a.number)
    other = f.CaseFactory(program=world.program_a, product=world.product_a, lot=world.lot_a)
    again = flag_case(other, acting_user=world.agent_a, note="again", event="dizziness")
    assert again.pk == signal.pk
    assert sorted(again.links.values_list("case_id", flat=True)) == [world.case_a.pk, other.pk]
    assert again.scores["agent"] == {"flags": 2}
    assert AuditEvent.objects.filter(model="insights.signalcase").count() == 2


def test_a_flag_needs_a_note_and_an_event_and_an_auditor_cannot_flag(world):
    with pytest.raises(InvalidInput) as refused:
        flag_case(world.case_a, acting_user=world.agent_a, note=" ", event="")
    assert set(refused.value.fields) == {"note", "event"}
    with pytest.raises(Forbidden):
        flag_case(world.case_a, acting_user=world.auditor_a, note="x", event="y")


def test_closing_needs_review_a_reason_and_the_signers_password(world):
    signal = _flagged(world)
    with pytest.raises(Forbidden):
        start_review(signal, acting_user=world.agent_a)
    with pytest.raises(Conflict):
        close_signal(
            signal, acting_user=world.safety_a, outcome="validated", reason="x", password=f.PASSWORD
        )
    start_review(signal, acting_user=world.safety_a)
    with pytest.raises(InvalidInput):
        close_signal(
            signal, acting_user=world.safety_a, outcome="validated", reason=" ", password=f.PASSWORD
        )
    with pytest.raises(SignatureRefused):
        close_signal(
            signal,
            acting_user=world.safety_a,
            outcome="refuted",
            reason="seasonal",
            password="wrong",
        )
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_FAILED).count() == 1
    signal.refresh_from_db()
    assert signal.status == SignalStatus.UNDER_REVIEW


def test_a_validated_signal_is_signed_audited_and_notifies_safety_and_quality(
    world, django_capture_on_commit_callbacks
):
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")
    signal = _flagged(world)
    start_review(signal, acting_user=world.safety_a)
    with django_capture_on_commit_callbacks(execute=True):
        close_signal(
            signal,
            acting_user=world.safety_a,
            outcome="validated",
            reason="three lots, one supplier",
            password=f.PASSWORD,
        )
    signal.refresh_from_db()
    assert signal.status == SignalStatus.VALIDATED and signal.closed_by == world.safety_a
    signature = ESignature.objects.get(pk=signal.signature_id)
    content = signed_content(signal, "validated", "three lots, one supplier")
    assert signature_problems(signature, content) == []
    changes = AuditEvent.objects.filter(model="insights.candidatesignal", action="update")
    assert changes.filter(changes__status=["under_review", "validated"]).exists()
    told = set(
        Notification.objects.filter(text__contains="Validated signal").values_list(
            "user_id", flat=True
        )
    )
    assert told == {world.safety_a.pk, quality.pk}
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {world.safety_a.email, quality.email}


def test_follow_ups_start_an_investigation_and_a_recall_assessment(world):
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")
    interaction = f.InteractionFactory(case=world.case_a)
    complaint = Complaint.objects.create(
        program=world.program_a,
        case=world.case_a,
        interaction=interaction,
        received_at=timezone.now(),
        nature="bits in the tablet",
        categories=["foreign_matter"],
        created_at=timezone.now(),
    )
    signal = _flagged(world)
    with pytest.raises(Conflict):
        start_recall_assessment(signal, acting_user=quality, note="too early")
    start_review(signal, acting_user=quality)
    close_signal(
        signal, acting_user=quality, outcome="validated", reason="confirmed", password=f.PASSWORD
    )
    action = start_complaint_investigation(signal, acting_user=quality, note="lab test")
    complaint.refresh_from_db()
    assert complaint.investigation_decision == InvestigationDecision.INVESTIGATE
    assert action.details == {"complaints": [complaint.pk]}
    recall = start_recall_assessment(signal, acting_user=quality, note="assess lot RLV2401A")
    note = TimelineEntry.objects.get(case=world.case_a, kind=TimelineKind.NOTE)
    assert "Recall assessment" in note.summary and note.data["action"] == recall.pk
    assert AuditEvent.objects.filter(model="insights.signalaction").count() == 2
    assert CandidateSignal.objects.get().actions.count() == 2
