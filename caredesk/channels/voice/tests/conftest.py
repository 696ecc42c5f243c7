"""Voice routes of program A and program B, their queues (A has a general and a safety priority
queue), and helpers that post a webhook signed as Twilio signs it (the SMS tests' signer) and
read the TwiML answer as XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache

from caredesk.channels.sms.tests.conftest import TOKEN_A, TOKEN_B, post_signed
from caredesk.channels.voice.models import VoiceRoute
from caredesk.routing.models import Queue

VOICE_A = "+18005550100"
VOICE_B = "+18005550200"
PHARMACIST = "+12025550143"  # world.pharmacist_a's phone
STRANGER = "+12025550177"
HOOKS = "/hooks/twilio/voice/"

__all__ = ["TOKEN_A", "TOKEN_B"]


@dataclass
class Line:
    route_a: VoiceRoute
    route_b: VoiceRoute
    general_a: Queue
    safety_a: Queue
    general_b: Queue


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    """The refusal-audit throttle lives in the cache; each test starts without it."""
    cache.clear()


def queue(**fields: Any) -> Queue:
    return Queue.objects.create(**{"is_default": True, **fields})


@pytest.fixture
def line(world: Any, monkeypatch: pytest.MonkeyPatch) -> Line:
    monkeypatch.setenv("CAREDESK_TWILIO_TOKEN_RELIEF", TOKEN_A)
    monkeypatch.setenv("CAREDESK_TWILIO_TOKEN_GLUCO", TOKEN_B)
    common = {"account_sid": "AC00000000000000000000000000000001"}
    return Line(
        route_a=VoiceRoute.objects.create(
            program=world.program_a,
            phone_number=VOICE_A,
            auth_token_env="CAREDESK_TWILIO_TOKEN_RELIEF",
            received_by=world.agent_a,
            **common,
        ),
        route_b=VoiceRoute.objects.create(
            program=world.program_b,
            phone_number=VOICE_B,
            auth_token_env="CAREDESK_TWILIO_TOKEN_GLUCO",
            received_by=world.agent_b,
            **common,
        ),
        general_a=queue(program=world.program_a, code="general", name="General"),
        safety_a=queue(
            program=world.program_a,
            code="safety",
            name="Safety specialists",
            is_default=False,
            is_safety_priority=True,
        ),
        general_b=queue(program=world.program_b, code="general", name="General B"),
    )


def call_params(
    sid: str = "CA00000000000000000000000000000001",
    *,
    sender: str = PHARMACIST,
    to: str = VOICE_A,
    **extra: str,
) -> dict[str, str]:
    """The form Twilio posts on a voice webhook."""
    return {
        "CallSid": sid,
        "AccountSid": "AC00000000000000000000000000000001",
        "From": sender,
        "To": to,
        "CallStatus": "in-progress",
        "Direction": "inbound",
        "ApiVersion": "2010-04-01",
        **extra,
    }


def post_voice(
    step: str, params: dict[str, str], *, token: str = TOKEN_A, signature: str | None = None
) -> Any:
    """POST to /hooks/twilio/voice/<step>, signed with `token` (`signature=""`: unsigned)."""
    return post_signed(params, path=f"{HOOKS}{step}", token=token, signature=signature)


def twiml(response: Any) -> ET.Element:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # noqa: S314 (our own TwiML, not untrusted input)
    assert root.tag == "Response"
    return root


def one(root: ET.Element, tag: str) -> ET.Element:
    """The first `tag` element (it must be there)."""
    found = root.find(tag)
    assert found is not None, f"no <{tag}> in {ET.tostring(root, encoding='unicode')}"
    return found


def text(element: ET.Element) -> str:
    return element.text or ""


def said(root: ET.Element) -> str:
    """Everything the caller hears, in order (inside gathers too)."""
    return " ".join((el.text or "").strip() for el in root.iter("Say"))
