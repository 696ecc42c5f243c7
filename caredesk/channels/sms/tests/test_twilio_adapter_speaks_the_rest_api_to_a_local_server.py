"""The Twilio adapter POSTs the message to the Messages REST API with basic auth, exactly as
Twilio documents it, and reads the message sid back; errors say whether a retry can help. It is
tested against a real HTTP server started here on a free port (no internet), with the API base
URL setting pointed at it; the last test sends a case reply through a Twilio route end to end."""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

from caredesk.channels.sms.models import SmsStatus
from caredesk.channels.sms.services.providers import SendError, TwilioProvider
from caredesk.channels.sms.tests.conftest import PHARMACIST, TOKEN_A, message, post_signed
from caredesk.testing.api import ApiClient

SID = "AC00000000000000000000000000000001"


@dataclass
class FakeTwilio:
    base_url: str
    requests: list[dict[str, Any]] = field(default_factory=list)
    status: int = 201
    answer: dict[str, Any] = field(default_factory=lambda: {"sid": "SM" + "f" * 32})


@pytest.fixture
def twilio() -> Iterator[FakeTwilio]:
    holder: dict[str, FakeTwilio] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            fake = holder["fake"]
            length = int(self.headers.get("Content-Length", 0))
            fake.requests.append(
                {
                    "path": self.path,
                    "headers": dict(self.headers),
                    "form": parse_qs(self.rfile.read(length).decode()),
                }
            )
            body = json.dumps(fake.answer).encode()
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder["fake"] = FakeTwilio(f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder["fake"]
    finally:
        server.shutdown()
        server.server_close()


def provider(twilio: FakeTwilio) -> TwilioProvider:
    return TwilioProvider(SID, TOKEN_A, twilio.base_url, timeout=5)


def test_a_message_is_posted_with_basic_auth_and_its_sid_returned(twilio):
    sid = provider(twilio).send(
        PHARMACIST, "+12025550100", "Your case CD-1234567", "https://care.example/hooks/s/"
    )
    assert sid == "SM" + "f" * 32
    (request,) = twilio.requests
    assert request["path"] == f"/2010-04-01/Accounts/{SID}/Messages.json"
    expected = base64.b64encode(f"{SID}:{TOKEN_A}".encode()).decode()
    assert request["headers"]["Authorization"] == f"Basic {expected}"
    assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert request["form"] == {
        "To": [PHARMACIST],
        "From": ["+12025550100"],
        "Body": ["Your case CD-1234567"],
        "StatusCallback": ["https://care.example/hooks/s/"],
    }


def test_an_opted_out_recipient_is_a_permanent_error(twilio):
    twilio.status, twilio.answer = 400, {"code": 21610, "message": "Unsubscribed recipient"}
    with pytest.raises(SendError) as refused:
        provider(twilio).send(PHARMACIST, "+12025550100", "Hi", "")
    assert refused.value.permanent and refused.value.code == "21610"
    assert "Unsubscribed recipient" in str(refused.value)


def test_a_server_error_or_rate_limit_can_be_retried(twilio):
    for status in (500, 503, 429):
        twilio.status, twilio.answer = status, {"message": "try later"}
        with pytest.raises(SendError) as failed:
            provider(twilio).send(PHARMACIST, "+12025550100", "Hi", "")
        assert not failed.value.permanent, status


def test_an_unreachable_api_can_be_retried():
    unreachable = TwilioProvider(SID, TOKEN_A, "http://127.0.0.1:9", timeout=2)
    with pytest.raises(SendError) as failed:
        unreachable.send(PHARMACIST, "+12025550100", "Hi", "")
    assert not failed.value.permanent


@pytest.mark.django_db
def test_a_case_reply_on_whatsapp_goes_through_the_twilio_route(
    routes, world, twilio, settings, django_capture_on_commit_callbacks
):
    # The person wrote on WhatsApp today: free text may answer (the 24-hour window).
    wa = {"sender": f"whatsapp:{PHARMACIST}", "to": "whatsapp:+14155238886"}
    with django_capture_on_commit_callbacks(execute=True):
        assert post_signed(message("Hola", sid="SMwa1", **wa)).status_code == 200
    settings.SMS_TWILIO_API_BASE = twilio.base_url
    settings.SMS_PUBLIC_BASE_URL = "https://care.example"
    routes.whatsapp_a.provider = "twilio"
    routes.whatsapp_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = ApiClient(world.agent_a).post(
            f"/cases/{world.case_a.pk}/sms", {"body": "Hola", "channel": "whatsapp"}
        )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == SmsStatus.QUEUED  # answered before the hand-over
    (request,) = twilio.requests
    assert request["form"]["To"] == [f"whatsapp:{PHARMACIST}"]
    assert request["form"]["From"] == ["whatsapp:+14155238886"]
    assert request["form"]["StatusCallback"] == ["https://care.example/hooks/twilio/status/"]
    listed = ApiClient(world.agent_a).get(f"/cases/{world.case_a.pk}/sms").json()["items"]
    replies = [(m["status"], m["channel"]) for m in listed if m["kind"] == "reply"]
    assert replies == [("accepted", "whatsapp")]


@pytest.mark.django_db
def test_a_temporary_failure_is_retried_and_the_last_one_is_left_for_a_person(
    routes, world, twilio, settings, django_capture_on_commit_callbacks
):
    from caredesk.channels.sms.models import SmsMessage
    from caredesk.channels.sms.services.sending import MAX_SEND_ATTEMPTS, deliver_now

    settings.SMS_TWILIO_API_BASE = twilio.base_url
    routes.sms_a.provider = "twilio"
    routes.sms_a.save()
    twilio.status, twilio.answer = 503, {"message": "busy"}
    with django_capture_on_commit_callbacks(execute=True):
        response = ApiClient(world.agent_a).post(f"/cases/{world.case_a.pk}/sms", {"body": "Hi"})
    sms = SmsMessage.objects.system_scope().get(pk=response.json()["id"])
    assert (sms.status, sms.attempts) == (SmsStatus.QUEUED, 1)
    for _ in range(MAX_SEND_ATTEMPTS - 1):
        SmsMessage.objects.system_scope().filter(pk=sms.pk).update(next_attempt_at=sms.created_at)
        deliver_now(sms.pk)
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (SmsStatus.FAILED, MAX_SEND_ATTEMPTS)
    assert "Twilio 503" in sms.last_error
    assert len(twilio.requests) == MAX_SEND_ATTEMPTS
