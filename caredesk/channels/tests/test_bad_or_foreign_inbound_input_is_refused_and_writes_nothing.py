"""The inbound route refuses bad input with a 422 naming the field and writes nothing; a program
the caller does not belong to is a 404 (an auditor's read-only role a 403), and another
program's inbox row answers 404 like one that does not exist."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.channels.models import InboundMessage
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
GOOD = {"channel": "sms", "provider_message_id": "SM9", "from_phone": "+12025550143", "body": "Hi"}


def post(world, user, body, program=None):
    program = program or world.program_a
    return ApiClient(user).post(f"/programs/{program.pk}/inbound", body)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"channel": "pigeon"}, "channel"),
        ({"provider_message_id": ""}, "provider_message_id"),
        ({"provider": "Not A Slug!"}, "provider"),
        ({"from_phone": "call me"}, "from_phone"),
        ({"from_phone": "", "from_address": "not-an-email"}, "from_address"),
        ({"from_phone": ""}, "from_phone"),
        ({"reference": "12345"}, "reference"),
        ({"body": "   "}, "body"),
        ({"received_at": (timezone.now() + timedelta(hours=2)).isoformat()}, "received_at"),
        ({"body": "nul \x00 inside"}, "body"),
        ({"raw": {"payload": "nul \x00 inside"}}, "raw"),
        (
            {
                "attachments": [
                    {"filename": "x.exe", "content_base64": base64.b64encode(b"MZ").decode()}
                ]
            },
            "attachments.0",
        ),
        (
            {"attachments": [{"filename": "a.pdf", "content_base64": "%%%"}]},
            "attachments.0.content_base64",
        ),
    ],
)
def test_bad_input_is_a_422_naming_the_field(world, change, field):
    response = post(world, world.agent_a, GOOD | change)
    assert response.status_code == 422, response.content
    assert any(key.endswith(field) for key in response.json()["errors"]), response.json()
    assert not InboundMessage.objects.system_scope().exists()


def test_another_programs_route_is_not_found_and_writes_nothing(world):
    response = post(world, world.agent_b, GOOD)
    assert response.status_code == 404
    assert not InboundMessage.objects.system_scope().exists()


def test_a_read_only_role_cannot_post(world):
    assert post(world, world.auditor_a, GOOD).status_code == 403
    assert not InboundMessage.objects.system_scope().exists()


def test_no_token_is_a_401(world):
    response = ApiClient().post(f"/programs/{world.program_a.pk}/inbound", GOOD)
    assert response.status_code == 401


def test_another_programs_inbox_row_is_not_found(world):
    row_id = post(world, world.agent_a, GOOD).json()["id"]
    assert ApiClient(world.agent_a).get(f"/inbound/{row_id}").status_code == 200
    for path in (f"/inbound/{row_id}", f"/programs/{world.program_a.pk}/inbound"):
        assert ApiClient(world.agent_b).get(path).status_code == 404
    assert ApiClient(world.agent_b).post(f"/inbound/{row_id}/retry").status_code == 404
    listed = ApiClient(world.agent_a).get(f"/programs/{world.program_a.pk}/inbound").json()
    assert [item["id"] for item in listed["items"]] == [row_id]
