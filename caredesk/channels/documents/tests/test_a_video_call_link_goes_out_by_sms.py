"""A video call's link can go by SMS: the invitation is an outbound SMS on the case through the
program's SMS route (consent-checked like any reply), handed to the provider with the link, and
the booking is on the case."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.channels.sms.models import SmsMessage, SmsRoute, SmsStatus
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db


def test_the_link_goes_by_sms(world, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.SMS_OUTBOX_DIR = tmp_path
    SmsRoute.objects.create(  # scoping: ok (test data)
        program=world.program_a,
        phone_number="+12025550100",
        channel="sms",
        from_name="Relievium Care",
        received_by=world.agent_a,
    )
    at = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    body = {"starts_at": at.isoformat(), "duration_minutes": 20, "via": "sms"}
    with django_capture_on_commit_callbacks(execute=True):
        response = ApiClient(world.agent_a).post(f"/cases/{world.case_a.pk}/video-calls", body)
    assert response.status_code == 201, response.content
    link = response.json()["join_url"]
    sms = SmsMessage.objects.system_scope().get(case=world.case_a)
    assert link in sms.body and sms.to_number == "+12025550143"
    assert sms.status == SmsStatus.ACCEPTED
    (line,) = [json.loads(x) for x in (tmp_path / "outbox.jsonl").read_text().splitlines()]
    assert link in line["body"]
