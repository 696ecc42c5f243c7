"""Suspected tampering or counterfeit notifies the program's quality and security contacts (in-app
at once, email right after commit) and locks the case to the escalation workflow until a
quality specialist releases it with a reason."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.cases.models import CaseStatus, Priority
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.cases.services.lifecycle import change_status
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality.models import ContactKind, Notification, QualityContact, TamperingAlert
from caredesk.quality.services.alert_email import send_tampering_email_now
from caredesk.quality.services.tampering import release_case_lock
from caredesk.safety.models import FindingKind, FindingStatus
from caredesk.safety.services.findings import add_finding, confirm_finding, dismiss_finding
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db

TAMPERED = (
    "The safety seal on my Relievium bottle was broken and the pills look different, "
    "I think someone tampered with it."
)


@pytest.fixture
def contacts(world):
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, email="qa@client.test")
    QualityContact.objects.create(
        program=world.program_a, kind=ContactKind.SECURITY, name="Sec desk", email="sec@client.test"
    )
    return quality


def log(world, body):
    data = InteractionInput(channel="phone", direction="inbound", body=body)
    return log_interaction(world.case_a, data, acting_user=world.agent_a)


def test_tampering_alerts_contacts_and_locks_the_case(
    world, contacts, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        interaction = log(world, TAMPERED)
    finding = interaction.findings.get(kind=FindingKind.TAMPERING)
    alert = TamperingAlert.objects.get(finding=finding)
    notice = Notification.objects.get(user=contacts)
    assert notice.alert == alert and world.case_a.reference in notice.text
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == ["qa@client.test", "sec@client.test"]
    assert world.case_a.reference in mailoutbox[0].subject
    alert.refresh_from_db()
    assert alert.emailed_at is not None
    assert send_tampering_email_now(alert.pk) is False  # a re-run sends nothing twice
    world.case_a.refresh_from_db()
    assert world.case_a.priority == Priority.CRITICAL
    assert world.case_a.status == CaseStatus.ESCALATED


def test_the_email_waits_for_the_commit(world, contacts, mailoutbox):
    log(world, TAMPERED)  # the test transaction never commits
    assert mailoutbox == []
    assert Notification.objects.filter(user=contacts).count() == 1


def test_a_locked_case_stays_escalated_until_quality_releases_it(world, contacts):
    interaction = log(world, TAMPERED)
    finding = interaction.findings.get(kind=FindingKind.TAMPERING)
    alert = TamperingAlert.objects.get(finding=finding)
    for flag in interaction.findings.all():  # every flag decided: only the lock stops closing
        confirm_finding(flag, acting_user=world.agent_a)
    world.case_a.refresh_from_db()
    for status in (CaseStatus.OPEN, CaseStatus.RESOLVED, CaseStatus.CLOSED):
        with pytest.raises(Conflict, match="escalation"):
            change_status(world.case_a, status, acting_user=world.supervisor_a, reason="done")
    with pytest.raises(Conflict, match="quality specialist"):
        release_case_lock(alert, acting_user=world.supervisor_a, reason="looked fine")
    with pytest.raises(InvalidInput):
        release_case_lock(alert, acting_user=contacts, reason=" ")
    release_case_lock(alert, acting_user=contacts, reason="seal intact on photo review")
    alert.refresh_from_db()
    assert alert.released_by == contacts and alert.release_reason == "seal intact on photo review"
    event = AuditEvent.objects.filter(model="quality.tamperingalert", object_id=str(alert.pk))
    assert event.filter(reason="seal intact on photo review", actor_id=contacts.pk).exists()
    world.case_a.refresh_from_db()
    change_status(world.case_a, CaseStatus.OPEN, acting_user=world.agent_a)
    with pytest.raises(Conflict, match="already released"):
        release_case_lock(alert, acting_user=contacts, reason="again")


def test_only_quality_may_dismiss_the_tampering_flag_which_releases_the_lock(world, contacts):
    finding = log(world, TAMPERED).findings.get(kind=FindingKind.TAMPERING)
    with pytest.raises(Conflict, match="quality specialist"):
        dismiss_finding(finding, reason="looks fine to me", acting_user=world.agent_a)
    finding.refresh_from_db()
    assert finding.status == FindingStatus.FLAGGED  # the refused dismissal wrote nothing
    dismiss_finding(finding, reason="seal intact on photo review", acting_user=contacts)
    assert TamperingAlert.objects.get(finding=finding).released_at is not None
    world.case_a.refresh_from_db()
    change_status(world.case_a, CaseStatus.OPEN, acting_user=world.agent_a)


def test_counterfeit_suspicion_alerts_too(world, contacts):
    interaction = log(world, "These Relievium tablets look fake, I think they are counterfeit.")
    finding = interaction.findings.get(kind=FindingKind.TAMPERING)
    assert finding.code == "counterfeit"
    assert TamperingAlert.objects.filter(finding=finding).exists()


def test_an_agent_added_tampering_finding_alerts(world, contacts):
    interaction = log(world, "Caller wants to return a bottle.")
    add_finding(
        interaction,
        kind=FindingKind.TAMPERING,
        code="tampering",
        note="cap had been glued back on",
        acting_user=world.agent_a,
    )
    assert Notification.objects.filter(user=contacts, case=world.case_a).exists()
    world.case_a.refresh_from_db()
    assert world.case_a.status == CaseStatus.ESCALATED
