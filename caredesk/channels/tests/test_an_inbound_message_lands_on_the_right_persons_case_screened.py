"""A message posted to the inbound route is stored first (202, pending), then the worker matches
the sender (phone, email, case reference or chat session), files it on their open case or a new
one, and logs it through the cases service, so it is screened exactly as a contact an agent logs:
a side effect opens the draft safety case at once."""

from __future__ import annotations

import base64

import pytest

from caredesk.cases.models import Case, Interaction
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.schemas import InboundAccepted
from caredesk.people.models import ContactPoint, Person
from caredesk.safety.models import FindingKind
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
AE = "I got a bad rash after Relievium."


def post(client, program, **fields):
    body = {"channel": "sms", "provider_message_id": "SM1", "body": "Hello"} | fields
    return client.post(f"/programs/{program.pk}/inbound", body)


def deliver(world, capture, **fields):
    """Post as the integration (agent_a's token) and let the enqueued job run; the row."""
    client = ApiClient(world.agent_a)
    with capture(execute=True):
        response = post(client, world.program_a, **fields)
    assert response.status_code == 202, response.content
    return InboundMessage.objects.system_scope().get(pk=response.json()["id"])


def test_the_route_answers_202_with_a_status_url_before_any_processing(world):
    response = post(ApiClient(world.agent_a), world.program_a, from_phone="(202) 555-0143")
    assert response.status_code == 202
    answer = response.json()
    assert response["Content-Type"] == "application/json"
    assert InboundAccepted.model_validate(answer).model_dump(mode="json") == answer
    assert answer["status"] == "pending" and answer["duplicate"] is False
    assert answer["status_url"].endswith(f"/api/v1/inbound/{answer['id']}")
    row = InboundMessage.objects.system_scope().get(pk=answer["id"])
    assert row.from_phone == "+12025550143" and row.received_by == world.agent_a
    assert not Interaction.objects.system_scope().filter(body="Hello").exists()


def test_a_known_phone_lands_on_that_persons_open_case(world, django_capture_on_commit_callbacks):
    row = deliver(world, django_capture_on_commit_callbacks, from_phone="+1 202 555 0143")
    assert row.status == InboxStatus.PROCESSED and row.attempts == 1
    assert row.person == world.pharmacist_a and row.case == world.case_a
    assert row.interaction.case == world.case_a and row.interaction.direction == "inbound"
    assert row.interaction.author == world.agent_a
    status = ApiClient(world.agent_a).get(f"/inbound/{row.pk}").json()
    assert status["status"] == "processed"
    assert (status["case_id"], status["interaction_id"]) == (world.case_a.pk, row.interaction_id)


def test_an_email_with_a_case_reference_in_the_subject_threads_onto_that_case(
    world, django_capture_on_commit_callbacks
):
    subject = f"Re: your question [{world.case_a.reference}]"
    row = deliver(
        world,
        django_capture_on_commit_callbacks,
        channel="email",
        from_address="someone.else@example.test",
        subject=subject,
    )
    assert row.case == world.case_a and row.person == world.pharmacist_a


def test_a_side_effect_is_screened_and_opens_the_draft_safety_case(
    world, django_capture_on_commit_callbacks
):
    row = deliver(
        world, django_capture_on_commit_callbacks, from_address="ANA@pharmacy.test", body=AE
    )
    assert row.person == world.pharmacist_a
    finding = row.interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)
    assert finding.safety_case is not None
    assert finding.safety_case.first_received_at == row.received_at


def test_an_unknown_sender_becomes_a_person_with_a_new_case_and_is_found_next_time(
    world, django_capture_on_commit_callbacks
):
    first = deliver(
        world,
        django_capture_on_commit_callbacks,
        from_phone="+12025550111",
        from_name="Carl Caller",
        body="Where can I buy Relievium?",
    )
    assert first.person.full_name == "Carl Caller" and first.person.program == world.program_a
    assert first.case.person == first.person and first.case.subject == "Where can I buy Relievium?"
    assert ContactPoint.objects.system_scope().filter(person=first.person, value="+12025550111")
    again = {"provider_message_id": "SM2", "from_phone": "2025550111"}
    second = deliver(world, django_capture_on_commit_callbacks, **again)
    assert (second.person, second.case) == (first.person, first.case)
    assert Person.objects.system_scope().filter(last_name="Caller").count() == 1


def test_a_chat_session_continues_its_case(world, django_capture_on_commit_callbacks):
    common = {"channel": "webchat", "session_id": "chat-42", "provider": "widget"}
    first = deliver(world, django_capture_on_commit_callbacks, provider_message_id="m1", **common)
    assert first.person is None and first.case is not None
    second = deliver(world, django_capture_on_commit_callbacks, provider_message_id="m2", **common)
    assert second.case == first.case
    assert Case.objects.system_scope().filter(pk=first.case_id).get().interactions.count() == 2


def test_attachments_are_stored_first_and_filed_with_the_interaction(
    world, django_capture_on_commit_callbacks
):
    pdf = {"filename": "label.pdf", "content_base64": base64.b64encode(b"%PDF-1.4 x").decode()}
    row = deliver(
        world,
        django_capture_on_commit_callbacks,
        channel="fax",
        from_phone="+12025550143",
        body="",
        attachments=[pdf],
    )
    assert row.attachments[0]["size"] == 10 and row.attachments[0]["content_type"] == (
        "application/pdf"
    )
    stored = row.interaction.attachments.get()
    assert stored.filename == "label.pdf" and stored.file.read() == b"%PDF-1.4 x"
