"""Web chat objects for the route-walking tests: one waiting chat of a program."""

from __future__ import annotations

from django.utils import timezone

from caredesk.channels.webchat.models import ChatSession, ChatState
from caredesk.tenancy.models import Program


def chat_side(program: Program) -> dict[str, int]:
    now = timezone.now()
    chat = ChatSession.objects.create(  # scoping: ok (test data)
        program=program,
        session_id=f"walk{program.pk:028d}",
        token_hash="0" * 64,
        state=ChatState.WAITING,
        created_at=now,
        last_activity_at=now,
        waiting_since=now,
    )
    return {"chat_id": chat.pk}
