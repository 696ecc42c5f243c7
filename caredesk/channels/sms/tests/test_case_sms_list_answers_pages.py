"""`GET /cases/{id}/sms` answers the page envelope, oldest first, the case's messages only."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Case
from caredesk.channels.sms.models import SmsMessage, SmsRoute
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db


def reply(route: SmsRoute, case: Case, body: str) -> SmsMessage:
    return SmsMessage.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        route=route,
        channel="sms",
        kind="reply",
        provider="local",
        case=case,
        from_number=route.phone_number,
        to_number="+12025550143",
        body=body,
        status="delivered",
    )


def test_sms_page_oldest_first(world, routes):
    sent = [reply(routes.sms_a, world.case_a, body).pk for body in ("one", "two", "three")]
    reply(routes.sms_b, world.case_b, "theirs")
    path = f"/cases/{world.case_a.pk}/sms"
    assert_pages(ApiClient(world.agent_a), path, sent)
    assert ApiClient(world.agent_b).get(path).status_code == 404
