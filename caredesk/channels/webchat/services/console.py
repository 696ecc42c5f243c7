"""The agents' side of the chat: the waiting list (priority first), joining, replying, ending.

An agent's reply is an outbound interaction on the chat's case (`log_interaction`: audited,
screened, and the first one stops the first-response clock) and a line of the transcript the
visitor's widget reads. Joining and ending are lines of the transcript too, written on the
case's timeline, and audited on the session.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Direction
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.channels.webchat.models import ChatMessage, ChatSession, ChatState, Sender
from caredesk.channels.webchat.services.filing import file_waiting_lines
from caredesk.errors import Conflict, InvalidInput, NotFound
from caredesk.tenancy.services import check_can_write

MAX_REPLY = 4000
OPEN_STATES = (ChatState.BOT, ChatState.WAITING, ChatState.WITH_AGENT)


def chats_for_console(user: Any) -> QuerySet[ChatSession]:
    """Chats waiting for or with an agent in the user's programs: priority (safety) first, then
    the longest waiting."""
    return (
        ChatSession.objects.visible_to(user)
        .filter(state__in=[ChatState.WAITING, ChatState.WITH_AGENT])
        .select_related("program", "case", "agent")
        .order_by("-priority", "state", "waiting_since", "pk")
    )


def access_chat(user: Any, chat_id: int) -> ChatSession:
    found = (
        ChatSession.objects.visible_to(user)
        .select_related("program", "case", "agent")
        .filter(pk=chat_id)
        .first()
    )
    if found is None:
        raise NotFound("Chat not found")
    return found


def _locked(session: ChatSession) -> ChatSession:
    return (
        ChatSession.objects.system_scope()  # scoping: ok (a session the caller accessed)
        .select_for_update(of=("self",))  # the case is a nullable join: lock the session only
        .select_related("case", "program")
        .get(pk=session.pk)
    )


def _system_line(session: ChatSession, text: str, acting_user: Any) -> ChatMessage:
    line = ChatMessage.objects.create(
        session=session,
        program_id=session.program_id,
        sender=Sender.SYSTEM,
        body=text,
        author=acting_user if getattr(acting_user, "pk", None) else None,
        created_at=timezone.now(),
    )
    if session.case is not None:
        file_waiting_lines(session, session.case)
    return line


def _audit_state(session: ChatSession, before: str, acting_user: Any, reason: str) -> None:
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=session,
        changes={"state": [before, session.state]},
        reason=reason,
    )


def join_chat(session: ChatSession, *, acting_user: Any) -> ChatSession:
    """An agent takes the chat from the bot or the waiting list (the bot stops answering)."""
    check_can_write(acting_user, session.program_id)
    with transaction.atomic():
        session = _locked(session)
        if session.state == ChatState.CLOSED:
            raise Conflict("This chat has ended")
        if session.state == ChatState.WITH_AGENT and session.agent_id != acting_user.pk:
            raise Conflict("Another agent has this chat")
        before = session.state
        session.state = ChatState.WITH_AGENT
        session.agent = acting_user
        session.last_activity_at = timezone.now()
        session.save(update_fields=["state", "agent", "last_activity_at"])
        who = acting_user.first_name or "A care specialist"
        _system_line(session, f"{who} joined the chat.", acting_user)
        _audit_state(session, before, acting_user, "agent joined the chat")
    return session


def agent_reply(session: ChatSession, text: str, *, acting_user: Any) -> ChatMessage:
    """The joined agent's line: an outbound interaction on the case and a transcript line."""
    check_can_write(acting_user, session.program_id)
    text = (text or "").strip()
    if not text or len(text) > MAX_REPLY or "\x00" in text:
        raise InvalidInput("Invalid reply", {"text": f"1-{MAX_REPLY} characters"})
    with transaction.atomic():
        session = _locked(session)
        if session.state != ChatState.WITH_AGENT or session.agent_id != acting_user.pk:
            raise Conflict("Join the chat before replying")
        if session.case is None:
            raise Conflict("The chat's first message is still being filed; try again")
        now = timezone.now()
        interaction = log_interaction(
            session.case,
            InteractionInput(channel="webchat", direction=Direction.OUTBOUND, body=text),
            acting_user=acting_user,
        )
        session.last_activity_at = now
        session.save(update_fields=["last_activity_at"])
        return ChatMessage.objects.create(
            session=session,
            program_id=session.program_id,
            sender=Sender.AGENT,
            body=text,
            author=acting_user,
            interaction=interaction,
            filed_at=now,
            created_at=now,
        )


def end_chat(session: ChatSession, *, by: str, acting_user: Any) -> ChatSession:
    """End the chat (the visitor, or an agent of the program); ending twice changes nothing."""
    if acting_user is not None:
        check_can_write(acting_user, session.program_id)
    with transaction.atomic():
        session = _locked(session)
        if session.state == ChatState.CLOSED:
            return session
        before = session.state
        session.state = ChatState.CLOSED
        session.closed_at = timezone.now()
        session.save(update_fields=["state", "closed_at"])
        _system_line(session, f"The chat was ended by {by}.", acting_user)
        _audit_state(session, before, acting_user, f"chat ended by {by}")
    return session
