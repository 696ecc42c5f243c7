"""A visitor's side of the chat: start a session, send lines (stored through the inbox, answered
by the bot while it has the chat), read the transcript, end the chat.

The session id is public (it is the inbox rows' `session_id`); the visitor proves the session
with a random token given once at start, of which only the SHA-256 is kept. A wrong token and
an unknown session get the same NotFound, so neither can be probed.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.channels.message import InboundMessageData
from caredesk.channels.services.inbox import store_inbound
from caredesk.channels.webchat.models import (
    ChatMessage,
    ChatSession,
    ChatState,
    ChatWidget,
    Sender,
)
from caredesk.channels.webchat.services.bot import bot_turn
from caredesk.errors import Conflict, InvalidInput, NotFound
from caredesk.people.services.contact_points import normalize_email

PROVIDER = "webchat"
MAX_TEXT = 2000
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def widget_for(program_code: str) -> ChatWidget:
    """The active chat of a program, by its code (public: no user), or NotFound."""
    found = (
        ChatWidget.objects.system_scope()  # scoping: ok (public widget, found by program code)
        .select_related("program", "received_by")
        .filter(program__code=program_code[:40], active=True)
        .first()
    )
    if found is None:
        raise NotFound("No chat for this program")
    return found


def widget_of_session(session_id: str) -> ChatWidget | None:
    """The widget of a session named by its public id (for CORS checks before any token)."""
    program_id = (
        ChatSession.objects.system_scope()  # scoping: ok (public id; only the widget is read)
        .filter(session_id=session_id[:40])
        .values_list("program_id", flat=True)
        .first()
    )
    if program_id is None:
        return None
    return ChatWidget.objects.system_scope().filter(program_id=program_id).first()


def _clean(text: str, limit: int, field: str) -> str:
    value = _CONTROL.sub("", text).strip()
    if len(value) > limit:
        raise InvalidInput("Too long", {field: f"at most {limit} characters"})
    return value


def start_session(
    widget: ChatWidget, *, name: str = "", email: str = "", origin: str = ""
) -> tuple[ChatSession, str]:
    """A new session and its secret token (returned once, never stored)."""
    name = _clean(name, 100, "name")
    email = _clean(email, 254, "email")
    if email:
        try:
            email = normalize_email(email)
        except InvalidInput:
            raise InvalidInput("Invalid email", {"email": "not an email address"}) from None
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    session = ChatSession.objects.create(
        program_id=widget.program_id,
        session_id=secrets.token_hex(16),
        token_hash=token_hash(token),
        visitor_name=name,
        visitor_email=email,
        origin=origin[:200],
        created_at=now,
        last_activity_at=now,
    )
    return session, token


def authenticate(session_id: str, token: str) -> ChatSession:
    """The session the token opens, or NotFound (unknown session and wrong token alike)."""
    session = (
        ChatSession.objects.system_scope()  # scoping: ok (the visitor's own, by its secret)
        .filter(session_id=session_id[:40])
        .first()
    )
    if session is None or not hmac.compare_digest(session.token_hash, token_hash(token or "")):
        raise NotFound("Chat not found")
    return session


def _inbound(session: ChatSession, client_id: str, text: str) -> InboundMessageData:
    case = session.case
    return InboundMessageData(
        channel="webchat",
        provider=PROVIDER,
        # Scoped to the session: another visitor's id can never name this visitor's message.
        provider_message_id=f"{session.session_id}:{client_id}",
        session_id=session.session_id,
        from_name=session.visitor_name,
        from_address=session.visitor_email,
        reference=case.reference if case is not None and case.is_open else "",
        body=text,
        raw={"origin": session.origin, "client_message_id": client_id},
    )


def post_customer_line(session: ChatSession, client_id: str, text: str) -> list[ChatMessage]:
    """Store one customer line and, while the bot has the chat, its answer.

    A retry with the same client message id returns the line already stored and writes
    nothing. Returns the new lines (customer first)."""
    if not CLIENT_ID.match(client_id or ""):
        raise InvalidInput("Invalid message id", {"id": "8-64 letters, digits, '-' or '_'"})
    text = _clean(text or "", MAX_TEXT, "text")
    if not text:
        raise InvalidInput("Empty message", {"text": "required"})
    with transaction.atomic():
        session = (
            ChatSession.objects.select_for_update(of=("self",))
            .select_related("case")
            .get(pk=session.pk)
        )
        earlier = ChatMessage.objects.filter(session=session, client_message_id=client_id).first()
        if earlier is not None:
            return [earlier]
        if session.state == ChatState.CLOSED:
            raise Conflict("This chat has ended", {"state": session.state})
        widget = (
            ChatWidget.objects.system_scope()  # scoping: ok (the session's own program)
            .select_related("received_by")
            .get(program_id=session.program_id)
        )
        row, _ = store_inbound(
            session.program_id, _inbound(session, client_id, text), acting_user=widget.received_by
        )
        now = timezone.now()
        lines = [_line(session, Sender.CUSTOMER, text, now, inbound=row, client_id=client_id)]
        if session.state == ChatState.BOT:
            lines.append(_answer(session, text, now))
        session.last_activity_at = now
        session.save()
    return lines


def _line(
    session: ChatSession, sender: str, body: str, at: Any, *, client_id: str = "", **links: Any
) -> ChatMessage:
    return ChatMessage.objects.create(
        session=session,
        program_id=session.program_id,
        sender=sender,
        body=body,
        client_message_id=client_id,
        created_at=at,
        **links,
    )


def _answer(session: ChatSession, text: str, now: Any) -> ChatMessage:
    turn = bot_turn(session.program_id, text)
    if turn.handover:
        session.state = ChatState.WAITING
        session.priority = session.priority or turn.priority
        session.handover_reason = turn.reason[:200]
        session.waiting_since = now
    return _line(session, Sender.BOT, turn.text, now, source=turn.source)


def close_by_visitor(session: ChatSession) -> ChatSession:
    """The visitor ends the chat (ending an ended chat changes nothing)."""
    from caredesk.channels.webchat.services.console import end_chat

    return end_chat(session, by="the visitor", acting_user=None)


def transcript_after(session: ChatSession, after_id: int, limit: int = 100) -> list[ChatMessage]:
    """The session's lines after `after_id` (this session's only), oldest first."""
    return list(
        ChatMessage.objects.system_scope()  # scoping: ok (the authenticated visitor's session)
        .filter(session_id=session.pk, pk__gt=max(after_id, 0))
        .select_related("source", "author")
        .order_by("pk")[:limit]
    )


def session_state(session: ChatSession) -> str:
    """The session's state now (the event stream polls it)."""
    states = (
        ChatSession.objects.system_scope().filter(pk=session.pk).values_list("state", flat=True)
    )
    return str(states[0])  # scoping: ok (the authenticated visitor's session)


def line_json(line: ChatMessage) -> dict[str, Any]:
    """A line as the widget reads it; the source article's title and public link if any."""
    source = line.source
    author = ""
    if line.sender == Sender.AGENT and line.author is not None:
        author = line.author.first_name or "Care specialist"
    return {
        "id": line.pk,
        "sender": line.sender,
        "author": author,
        "text": line.body,
        "client_id": line.client_message_id,
        "at": line.created_at.isoformat(),
        "source": (
            {"title": source.title, "article_id": source.article_id, "version": source.number}
            if source is not None
            else None
        ),
    }
