"""`GET /chats` answers the page envelope: safety chats first, then the longest waiting, and
only chats of the caller's programs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.channels.webchat.models import ChatSession, ChatState
from caredesk.tenancy.models import Program
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db


def waiting(program: Program, n: int, *, minutes: int, priority: bool = False) -> ChatSession:
    now = timezone.now()
    return ChatSession.objects.create(  # scoping: ok (test data)
        program=program,
        session_id=f"page{program.pk:010d}{n:018d}",
        token_hash="0" * 64,
        state=ChatState.WAITING,
        priority=priority,
        created_at=now,
        last_activity_at=now,
        waiting_since=now - timedelta(minutes=minutes),
    )


def test_chats_page_safety_first_then_longest_waiting(world):
    recent = waiting(world.program_a, 1, minutes=1)
    longest = waiting(world.program_a, 2, minutes=9)
    safety = waiting(world.program_a, 3, minutes=0, priority=True)
    waiting(world.program_b, 4, minutes=30, priority=True)
    expected = [safety.pk, longest.pk, recent.pk]
    assert_pages(ApiClient(world.agent_a), "/chats", expected)
    assert ApiClient(world.agent_b).get("/chats").json()["count"] == 1
