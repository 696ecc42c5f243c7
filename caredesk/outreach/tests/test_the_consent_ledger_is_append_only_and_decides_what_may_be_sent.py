"""The consent ledger: rows are never changed or deleted; a channel-wide STOP blocks every
message on that channel (safety and recall notices too) until START; informational messages
need no opt-in, marketing and the other opt-in purposes need a grant for that purpose; each
record is audited. The API shows a person's ledger to their program only and lets an agent
record what a person said (an auditor may read, not record)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.errors import InvalidInput, NotFound
from caredesk.outreach.models import AppendOnlyError, ConsentRecord
from caredesk.outreach.services import may_send, record_consent
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
PHONE = "+12025550143"


def record(world, purpose, granted, *, minutes=0, channel="sms", address=PHONE, **extra):
    return record_consent(
        world.program_a,
        channel=channel,
        address=address,
        purpose=purpose,
        granted=granted,
        source=extra.pop("source", "agent"),
        acting_user=world.agent_a,
        recorded_at=timezone.now() + timedelta(minutes=minutes),
        **extra,
    )


def allowed(world, purpose, channel="sms"):
    return may_send(world.program_a, channel, PHONE, purpose).allowed


def test_informational_messages_need_no_opt_in_but_marketing_does(world):
    assert allowed(world, "case_reply") and allowed(world, "safety_notice")
    assert not allowed(world, "marketing") and not allowed(world, "surveys")
    record(world, "marketing", True, evidence="Web form v3, box ticked, not a condition")
    assert allowed(world, "marketing") and not allowed(world, "adherence")
    record(world, "marketing", False, minutes=1)
    assert not allowed(world, "marketing")


def test_stop_blocks_everything_on_the_channel_safety_notices_included_until_start(world):
    record(world, "marketing", True)
    record(world, "all", False, minutes=1, source="sms_keyword")
    for purpose in ("case_reply", "safety_notice", "marketing"):
        state = may_send(world.program_a, "sms", PHONE, purpose)
        assert not state.allowed and state.opted_out, purpose
    assert allowed(world, "case_reply", channel="whatsapp")  # another channel
    record(world, "all", True, minutes=2, source="sms_keyword")
    assert allowed(world, "safety_notice") and allowed(world, "marketing")


def test_start_alone_is_no_marketing_consent(world):
    record(world, "all", False)
    record(world, "all", True, minutes=1)
    assert allowed(world, "case_reply") and not allowed(world, "marketing")


def test_addresses_are_normalised_and_records_are_audited(world):
    row = record(world, "surveys", True, address="(202) 555-0143")
    assert row.address == PHONE
    assert (
        AuditEvent.objects.system_scope()
        .filter(model="outreach.consentrecord", object_id=str(row.pk), action="create")
        .exists()
    )
    email = record(world, "marketing", True, channel="email", address=" Ana@Pharmacy.TEST ")
    assert email.address == "ana@pharmacy.test"


def test_records_are_never_changed_or_deleted(world):
    row = record(world, "marketing", True)
    row.granted = False
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    assert ConsentRecord.objects.system_scope().get(pk=row.pk).granted is True


def test_bad_input_and_foreign_people_are_refused(world):
    with pytest.raises(InvalidInput):
        record(world, "spam", True)
    with pytest.raises(InvalidInput):
        record(world, "marketing", True, address="not a phone")
    with pytest.raises(InvalidInput):
        record(world, "marketing", True, person=world.person_b)
    with pytest.raises(NotFound):
        record_consent(
            world.program_a,
            channel="sms",
            address=PHONE,
            purpose="marketing",
            granted=True,
            source="agent",
            acting_user=world.agent_b,
        )
    with pytest.raises(InvalidInput):
        may_send(world.program_a, "sms", PHONE, "all")


def test_the_api_shows_a_persons_ledger_to_their_program_only(world):
    record(world, "all", False, source="sms_keyword")  # by number: the person was not known
    path = f"/persons/{world.pharmacist_a.pk}/consents"
    listed = ApiClient(world.agent_a).get(path)
    assert listed.status_code == 200
    assert [(r["purpose"], r["granted"]) for r in listed.json()["items"]] == [("all", False)]
    assert ApiClient(world.auditor_a).get(path).status_code == 200
    assert ApiClient(world.agent_b).get(path).status_code == 404


def test_an_agent_records_what_the_person_said(world):
    path = f"/persons/{world.pharmacist_a.pk}/consents"
    body = {
        "channel": "sms",
        "address": "202-555-0143",
        "purpose": "adherence",
        "granted": True,
        "evidence": "Said yes on the call of 4 Dec, recording R-17",
        "evidence_ref": "recording:R-17",
    }
    created = ApiClient(world.agent_a).post(path, body)
    assert created.status_code == 201, created.content
    answer = created.json()
    assert answer["person_id"] == world.pharmacist_a.pk and answer["source"] == "agent"
    assert answer["recorded_by_id"] == world.agent_a.pk and answer["address"] == PHONE
    assert allowed(world, "adherence")
    assert ApiClient(world.auditor_a).post(path, body).status_code == 403
    assert ApiClient(world.agent_b).post(path, body).status_code == 404
    assert ApiClient(world.agent_a).post(path, {**body, "purpose": "spam"}).status_code == 422
