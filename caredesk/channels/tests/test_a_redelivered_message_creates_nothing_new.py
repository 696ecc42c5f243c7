"""Providers deliver again when unsure (webhook retries, an SMTP client after a timeout): the same
provider message id on the same channel and program answers the row stored the first time and
creates nothing new: no second row, no second interaction, even after the first was processed."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from caredesk.cases.models import Interaction
from caredesk.channels.message import InboundMessageData
from caredesk.channels.models import InboundMessage
from caredesk.channels.services.inbox import store_inbound
from caredesk.channels.services.processing import process_inbound_now
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
MESSAGE: dict[str, Any] = {
    "channel": "whatsapp",
    "provider": "twilio",
    "provider_message_id": "SM0001",
    "from_phone": "+12025550143",
    "body": "Is Relievium safe with coffee?",
}


def test_the_second_delivery_answers_the_first_row(world, django_capture_on_commit_callbacks):
    client = ApiClient(world.agent_a)
    url = f"/programs/{world.program_a.pk}/inbound"
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, MESSAGE).json()
    second = client.post(url, MESSAGE | {"body": "a changed retry body"})
    assert second.status_code == 202
    assert second.json()["id"] == first["id"] and second.json()["duplicate"] is True
    assert second.json()["status"] == "processed"
    assert InboundMessage.objects.system_scope().count() == 1
    assert Interaction.objects.system_scope().filter(body__contains="Relievium safe").count() == 1
    assert not Interaction.objects.system_scope().filter(body__contains="changed").exists()


def test_processing_a_processed_row_again_does_nothing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row, created = store_inbound(
            world.program_a.pk, InboundMessageData(**MESSAGE), acting_user=world.agent_a
        )
    assert created
    assert process_inbound_now(row.pk) is None
    row.refresh_from_db()
    assert row.attempts == 1
    assert Interaction.objects.system_scope().filter(case=world.case_a).count() == 1


def test_another_provider_or_program_with_the_same_id_is_another_message(world):
    store_inbound(world.program_a.pk, InboundMessageData(**MESSAGE), acting_user=world.agent_a)
    _, other_provider = store_inbound(
        world.program_a.pk,
        InboundMessageData(**MESSAGE | {"provider": "vonage"}),
        acting_user=world.agent_a,
    )
    _, other_program = store_inbound(
        world.program_b.pk,
        InboundMessageData(**MESSAGE | {"from_phone": "+12025550199"}),
        acting_user=world.agent_b,
    )
    assert other_provider and other_program
    assert InboundMessage.objects.system_scope().count() == 3


def test_the_database_itself_refuses_a_second_row(world):
    """The unique constraint, not only the service's check, holds under concurrent deliveries."""
    data = InboundMessageData(**MESSAGE)
    row, _ = store_inbound(world.program_a.pk, data, acting_user=world.agent_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        InboundMessage.objects.create(  # scoping: ok (test)
            program=world.program_a,
            channel=row.channel,
            provider=row.provider,
            provider_message_id=row.provider_message_id,
            received_at=timezone.now(),
            received_by=world.agent_a,
            next_attempt_at=timezone.now(),
        )
