"""Booking a video call records it on the case and sends its link over real SMTP to the
person's address; cancelling tells them the same way. A time in the past, or a person with no
address, writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.cases.models import Interaction
from caredesk.channels.documents.models import VideoCall
from caredesk.channels.email.models import EmailRoute
from caredesk.testing.api import ApiClient

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def route(world):
    return EmailRoute.objects.create(  # scoping: ok (test data)
        program=world.program_a, address="care@relievium.test", received_by=world.agent_a
    )


def book(world, case, **fields):
    at = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    body = {"starts_at": at.isoformat(), "duration_minutes": 20, "via": "email"} | fields
    return ApiClient(world.agent_a).post(f"/cases/{case.pk}/video-calls", body)


def test_the_link_goes_by_email_and_the_call_is_on_the_case(world, route, smtp):
    response = book(world, world.case_a)
    assert response.status_code == 201, response.content
    call = response.json()
    assert call["join_url"].startswith("https://meet.jit.si/CareDesk-")
    note = Interaction.objects.system_scope().get(pk=call["interaction_id"])
    assert note.channel == "video" and call["join_url"] in note.body
    (invitation,) = smtp.received
    assert invitation.rcpt_tos == ["ana@pharmacy.test"]
    assert call["join_url"] in invitation.message.get_payload()
    url = f"/cases/{world.case_a.pk}/video-calls/{call['id']}/cancel"
    cancelled = ApiClient(world.agent_a).post(url, {"reason": "caller asked to move it"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert "cancelled" in smtp.received[1].message.get_payload()
    assert ApiClient(world.agent_b).get(f"/cases/{world.case_a.pk}/video-calls").status_code == 404


def test_a_past_time_or_no_address_writes_nothing(world, route, smtp):
    past = (timezone.now() - timedelta(hours=2)).isoformat()
    assert book(world, world.case_a, starts_at=past).status_code == 422
    assert book(world, world.case_b).status_code == 404  # another program's case
    no_email = world.case_a.person.contact_points.filter(kind="email")
    no_email.delete()
    assert book(world, world.case_a).status_code == 422
    assert not VideoCall.objects.system_scope().exists()
    assert not Interaction.objects.system_scope().filter(channel="video").exists()
    assert smtp.received == []
