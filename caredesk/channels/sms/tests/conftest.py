"""Routes of program A (SMS and WhatsApp) and program B, their auth tokens in the environment,
and a helper that sends a webhook signed as Twilio signs it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import Client

from caredesk.channels.sms.models import SmsRoute
from caredesk.channels.sms.services.signature import compute_signature

TOKEN_A = "a-token-0123456789abcdef0123456789"
TOKEN_B = "b-token-0123456789abcdef0123456789"
SMS_A = "+12025550100"
WHATSAPP_A = "+14155238886"
SMS_B = "+12025550200"
PHARMACIST = "+12025550143"  # world.pharmacist_a's phone
STRANGER = "+12025550177"
HOOK = "/hooks/twilio/sms/"
STATUS_HOOK = "/hooks/twilio/status/"


@dataclass
class Routes:
    sms_a: SmsRoute
    whatsapp_a: SmsRoute
    sms_b: SmsRoute


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    """The refusal-audit throttle lives in the cache; each test starts without it."""
    cache.clear()


@pytest.fixture
def outbox(settings: Any, tmp_path: Path) -> Path:
    settings.SMS_OUTBOX_DIR = tmp_path
    return tmp_path / "outbox.jsonl"


@pytest.fixture
def routes(world: Any, monkeypatch: pytest.MonkeyPatch, outbox: Path) -> Routes:
    monkeypatch.setenv("CAREDESK_TWILIO_TOKEN_RELIEF", TOKEN_A)
    monkeypatch.setenv("CAREDESK_TWILIO_TOKEN_GLUCO", TOKEN_B)
    common = {"account_sid": "AC00000000000000000000000000000001"}
    return Routes(
        sms_a=SmsRoute.objects.create(
            program=world.program_a,
            phone_number=SMS_A,
            channel="sms",
            auth_token_env="CAREDESK_TWILIO_TOKEN_RELIEF",
            from_name="Relievium Care",
            help_contact="call 1-800-555-0100",
            received_by=world.agent_a,
            **common,
        ),
        whatsapp_a=SmsRoute.objects.create(
            program=world.program_a,
            phone_number=WHATSAPP_A,
            channel="whatsapp",
            auth_token_env="CAREDESK_TWILIO_TOKEN_RELIEF",
            from_name="Relievium Care",
            received_by=world.agent_a,
            **common,
        ),
        sms_b=SmsRoute.objects.create(
            program=world.program_b,
            phone_number=SMS_B,
            channel="sms",
            auth_token_env="CAREDESK_TWILIO_TOKEN_GLUCO",
            from_name="GlucoTrack Support",
            received_by=world.agent_b,
            **common,
        ),
    )


def message(
    body: str = "Hello, I have a question about Relievium.",
    *,
    sid: str = "SM00000000000000000000000000000001",
    sender: str = PHARMACIST,
    to: str = SMS_A,
    **extra: str,
) -> dict[str, str]:
    """The form Twilio posts for an inbound message."""
    return {
        "MessageSid": sid,
        "AccountSid": "AC00000000000000000000000000000001",
        "From": sender,
        "To": to,
        "Body": body,
        "NumMedia": "0",
        **extra,
    }


def sign(params: dict[str, str], path: str = HOOK, token: str = TOKEN_A) -> str:
    return compute_signature(token, f"http://testserver{path}", params.items())


def post_signed(
    params: dict[str, str],
    *,
    path: str = HOOK,
    token: str = TOKEN_A,
    signature: str | None = None,
    client: Client | None = None,
) -> Any:
    """POST the form as Twilio does (urlencoded, X-Twilio-Signature); `signature=""` sends none."""
    headers = {}
    value = sign(params, path, token) if signature is None else signature
    if value:
        headers["X-Twilio-Signature"] = value
    return (client or Client()).post(
        path,
        urlencode(params),
        content_type="application/x-www-form-urlencoded",
        headers=headers,
    )
