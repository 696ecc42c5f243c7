"""A retried line (same client message id) is stored once and answered once; a visitor can
never read or write another session (wrong token: 404, the stream carries only its own lines);
input limits, rate limits and CORS for the program's configured origins."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from caredesk.channels.models import InboundMessage
from caredesk.channels.webchat.models import ChatMessage
from caredesk.channels.webchat.tests.conftest import Visitor

pytestmark = pytest.mark.django_db
QUESTION = "How many pills can I take in one day?"


def streamed(response: Any) -> str:
    return b"".join(response.streaming_content).decode()


def test_a_retried_line_is_stored_and_answered_once(visitor) -> None:
    visitor.start()
    first = visitor.lines(QUESTION, "msg-retry-0001")
    again = visitor.lines(QUESTION, "msg-retry-0001")
    assert [line["id"] for line in again] == [first[0]["id"]]
    assert InboundMessage.objects.filter(session_id=visitor.session_id).count() == 1
    assert ChatMessage.objects.filter(session__session_id=visitor.session_id).count() == 2


def test_another_session_cannot_be_read_or_written(
    chat, visitor, django_capture_on_commit_callbacks
) -> None:
    visitor.start()
    visitor.lines(QUESTION, "msg-a-000001")
    other = Visitor(chat.program, django_capture_on_commit_callbacks)
    other.start()
    other.lines("Is there gluten in it?", "msg-b-000001")

    assert visitor.say("hi", "msg-a-000002", token=other.token).status_code == 404
    client = Client()
    stolen = client.get(f"/chat/api/sessions/{visitor.session_id}/events?token={other.token}")
    assert stolen.status_code == 404

    own = client.get(f"/chat/api/sessions/{other.session_id}/events?token={other.token}")
    assert own.status_code == 200 and own["Content-Type"] == "text/event-stream"
    body = streamed(own)
    assert "gluten" in body and "pills" not in body and "6 tablets" not in body


def test_the_stream_resumes_after_the_last_event_id(visitor, settings) -> None:
    settings.WEBCHAT_STREAM_SECONDS = 0
    visitor.start()
    first, bot = visitor.lines(QUESTION, "msg-a-000001")
    url = f"/chat/api/sessions/{visitor.session_id}/events?token={visitor.token}"
    resumed = Client().get(url, headers={"Last-Event-ID": str(first["id"])})
    body = streamed(resumed)
    assert f"id: {bot['id']}" in body and f"id: {first['id']}\n" not in body


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"id": "short", "text": "hello"}, 422),
        ({"id": "msg-000000001", "text": ""}, 422),
        ({"id": "msg-000000001", "text": "x" * 2001}, 422),
        ({"id": "msg-000000001", "text": "x" * 9000}, 413),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(visitor, body, status) -> None:
    visitor.start()
    response = visitor.client.post(
        f"/chat/api/sessions/{visitor.session_id}/messages",
        json.dumps(body),
        "application/json",
        headers={"Authorization": f"Bearer {visitor.token}"},
    )
    assert response.status_code == status
    assert not InboundMessage.objects.filter(session_id=visitor.session_id).exists()


def test_lines_are_rate_limited_per_session(visitor, settings) -> None:
    settings.WEBCHAT_LINES_PER_SESSION_PER_MINUTE = 2
    visitor.start()
    visitor.lines(QUESTION, "msg-rate-0001")
    visitor.lines(QUESTION, "msg-rate-0002")
    refused = visitor.say(QUESTION, "msg-rate-0003")
    assert refused.status_code == 429 and refused["Retry-After"] == "60"


def test_new_sessions_are_rate_limited_per_address(chat, settings) -> None:
    settings.WEBCHAT_SESSIONS_PER_IP_PER_HOUR = 1
    client = Client()
    url = f"/chat/api/{chat.program.code}/sessions"
    assert client.post(url, "{}", "application/json").status_code == 201
    assert client.post(url, "{}", "application/json").status_code == 429


def test_cors_only_for_the_programs_origins(chat) -> None:
    client = Client()
    url = f"/chat/api/{chat.program.code}/sessions"
    allowed = {"Origin": "https://www.relievium.example"}
    preflight = client.options(url, headers=allowed)
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "https://www.relievium.example"
    started = client.post(url, "{}", "application/json", headers=allowed)
    assert started.status_code == 201
    assert started["Access-Control-Allow-Origin"] == "https://www.relievium.example"

    foreign = {"Origin": "https://evil.example"}
    assert client.options(url, headers=foreign).status_code == 403
    refused = client.post(url, "{}", "application/json", headers=foreign)
    assert refused.status_code == 403 and "Access-Control-Allow-Origin" not in refused
