"""REST API of the agents' side of web chat: the chats waiting for or with an agent (safety
first), one chat with its transcript (`after` to read only new lines), join, reply and end. The
same services as the console page: a reply is an outbound interaction on the chat's case.
Scoped: another program's chat answers 404; read-only roles may read, never write."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.channels.webchat.models import ChatMessage, ChatSession
from caredesk.channels.webchat.services.console import (
    MAX_REPLY,
    access_chat,
    agent_reply,
    chats_for_console,
    end_chat,
    join_chat,
)
from caredesk.channels.webchat.services.sessions import transcript_after

router = ApiRouter(tags=["webchat"])


class ChatOut(Schema):
    id: int
    program_id: int
    state: str
    priority: bool
    handover_reason: str
    visitor_name: str
    case_id: int | None
    agent_id: int | None
    created_at: datetime
    waiting_since: datetime | None
    last_activity_at: datetime
    closed_at: datetime | None


class LineOut(Schema):
    id: int
    sender: str
    body: str
    author_id: int | None
    source_id: int | None = Field(None, description="Article version a bot line quotes")
    interaction_id: int | None
    created_at: datetime


class ChatDetailOut(ChatOut):
    lines: list[LineOut]


class TranscriptParams(Schema):
    after: int = Field(0, ge=0, description="Only lines after this line id")


class ReplyIn(Schema):
    text: str = Field(min_length=1, max_length=MAX_REPLY)


@router.get("/chats", response=Page[ChatOut])
def chats(request: HttpRequest, page: Query[PageParams]) -> dict[str, Any]:
    """Chats waiting for or with an agent in the caller's programs, safety chats first."""
    return paginate(chats_for_console(acting_user(request)), page)


@router.get("/chats/{chat_id}", response=ChatDetailOut)
def chat(request: HttpRequest, chat_id: ObjectId, params: Query[TranscriptParams]) -> Any:
    """The chat and its transcript lines after `after`, oldest first (up to 1000)."""
    session = access_chat(acting_user(request), chat_id)
    return _detail(session, transcript_after(session, params.after, limit=1000))


def _detail(session: ChatSession, lines: list[ChatMessage]) -> dict[str, Any]:
    fields = ChatOut.model_fields
    return {**{name: getattr(session, name) for name in fields}, "lines": lines}


@router.post("/chats/{chat_id}/join", response=ChatOut)
def join(request: HttpRequest, chat_id: ObjectId) -> ChatSession:
    """Take the chat from the bot or the waiting list (409 when another agent has it)."""
    user = acting_user(request)
    return join_chat(access_chat(user, chat_id), acting_user=user)


@router.post("/chats/{chat_id}/messages", response={201: LineOut})
def reply(request: HttpRequest, chat_id: ObjectId, payload: ReplyIn) -> tuple[int, ChatMessage]:
    """The joined agent's reply: a transcript line and an outbound interaction on the case."""
    user = acting_user(request)
    return 201, agent_reply(access_chat(user, chat_id), payload.text, acting_user=user)


@router.post("/chats/{chat_id}/end", response=ChatOut)
def end(request: HttpRequest, chat_id: ObjectId) -> ChatSession:
    """End the chat (ending twice changes nothing)."""
    user = acting_user(request)
    return end_chat(access_chat(user, chat_id), by="the care specialist", acting_user=user)
