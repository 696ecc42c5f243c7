"""`GET /cases/{id}/calls` answers the page envelope, newest call first, the case's calls only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.channels.models import InboundMessage
from caredesk.channels.voice.models import CallRecord, VoiceRoute
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db


def call(route: VoiceRoute, case: Case, n: int, received_by: Any) -> CallRecord:
    started = timezone.now() - timedelta(minutes=n)
    inbound = InboundMessage.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        channel="voice",
        provider="twilio",
        provider_message_id=f"CA-{case.pk}-{n}",
        from_phone="+12025550100",
        received_at=started,
        received_by=received_by,
        next_attempt_at=started,
    )
    return CallRecord.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        route=route,
        call_sid=f"CA-{case.pk}-{n}",
        inbound=inbound,
        case=case,
        started_at=started,
    )


def test_calls_page_newest_first(world, line):
    calls = [call(line.route_a, world.case_a, n, world.agent_a) for n in (3, 1, 2)]
    call(line.route_b, world.case_b, 0, world.agent_b)
    newest_first = [calls[1].pk, calls[2].pk, calls[0].pk]
    path = f"/cases/{world.case_a.pk}/calls"
    assert_pages(ApiClient(world.agent_a), path, newest_first)
    assert ApiClient(world.agent_b).get(path).status_code == 404
