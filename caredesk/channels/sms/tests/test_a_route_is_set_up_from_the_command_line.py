"""`caredesk sms add-route` creates a checked, audited route; bad input is a clear error that
writes nothing; `caredesk sms routes` says whether each route's token is configured."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caredesk.channels.sms.models import SmsRoute

pytestmark = pytest.mark.django_db


def add(**overrides: str) -> str:
    args = {
        "program": "relief-us",
        "number": "(202) 555-0100",
        "from_name": "Relievium Care",
        "received_by": "agent_a",
        "provider": "twilio",
        "account_sid": "AC1",
        "token_env": "CAREDESK_TWILIO_TOKEN_RELIEF",
    } | overrides
    argv = ["add-route"]
    for key, value in args.items():
        argv += [f"--{key.replace('_', '-')}", value]
    out = StringIO()
    call_command("sms", *argv, stdout=out)
    return out.getvalue()


def test_a_route_is_created_and_listed(world, monkeypatch):
    assert "sms +12025550100" in add()
    route = SmsRoute.objects.system_scope().get()
    assert (route.program, route.received_by) == (world.program_a, world.agent_a)
    out = StringIO()
    call_command("sms", "routes", stdout=out)
    assert "NO TOKEN" in out.getvalue()
    monkeypatch.setenv("CAREDESK_TWILIO_TOKEN_RELIEF", "t" * 32)
    out = StringIO()
    call_command("sms", "routes", stdout=out)
    assert "token set" in out.getvalue()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"program": "nope"}, "program"),
        ({"received_by": "agent_b"}, "received_by"),
        ({"received_by": "auditor_a"}, "received_by"),
        ({"token_env": "CAREDESK_SECRET_KEY"}, "auth_token_env"),
        ({"account_sid": ""}, "account_sid"),
        ({"number": "call me"}, "phone"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(world, overrides, field):
    with pytest.raises(CommandError) as refused:
        add(**overrides)
    assert field in str(refused.value) or "phone" in str(refused.value)
    assert not SmsRoute.objects.system_scope().exists()


def test_a_number_has_one_route_per_channel(world):
    add()
    with pytest.raises(CommandError, match="already has a sms route"):
        add()
    add(channel="whatsapp")
    assert SmsRoute.objects.system_scope().count() == 2
