"""Writing a chat's bot and system lines on its case, once the case is known.

A chat's first customer message opens (or finds) the case when the inbox worker files it, which
may be after the bot has answered. So the bot's lines wait in the transcript (`filed_at` empty)
and this hook, run by the worker inside its processing transaction after each chat message is
filed (`processing.AFTER_PROCESSED`), tells the session its case and writes the waiting lines
on the case's timeline at the time they were said. Run twice, it writes nothing twice.
"""

from __future__ import annotations

from django.utils import timezone

from caredesk.cases.models import Case, Interaction, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.channels.models import InboundMessage
from caredesk.channels.webchat.models import ChatMessage, ChatSession, Sender

PROVIDER = "webchat"


def file_chat_message(row: InboundMessage, interaction: Interaction) -> None:
    """The AFTER_PROCESSED hook (see the module doc); other channels' rows leave at once."""
    if row.provider != PROVIDER or row.channel != "webchat" or row.case is None:
        return
    session = (
        ChatSession.objects.system_scope()  # scoping: ok (inbox worker, the row's own program)
        .select_for_update()
        .filter(program_id=row.program_id, session_id=row.session_id)
        .first()
    )
    if session is None:
        return
    if session.case_id is None:
        session.case = row.case
        session.save(update_fields=["case"])
    ChatMessage.objects.system_scope().filter(inbound=row, interaction__isnull=True).update(
        interaction=interaction, filed_at=timezone.now()
    )
    file_waiting_lines(session, row.case)


def file_waiting_lines(session: ChatSession, case: Case) -> int:
    """Write the session's unfiled bot and system lines on the case's timeline."""
    waiting = list(
        ChatMessage.objects.system_scope()  # scoping: ok (the session's own lines)
        .filter(session=session, sender__in=[Sender.BOT, Sender.SYSTEM], filed_at__isnull=True)
        .select_related("source")
        .order_by("pk")
    )
    now = timezone.now()
    for line in waiting:
        source = line.source
        cited = f" [source: {source.title} v{source.number}]" if source else ""
        who = "Chat bot" if line.sender == Sender.BOT else "Chat"
        add_timeline_entry(
            case,
            TimelineKind.NOTE,
            f"{who}: {line.body}{cited}",
            at=line.created_at,
            data={
                "chat_session": session.session_id,
                "chat_message_id": line.pk,
                "sender": line.sender,
                "body": line.body,
                "article_version_id": source.pk if source else None,
            },
        )
        line.filed_at = now
    ChatMessage.objects.system_scope().filter(pk__in=[m.pk for m in waiting]).update(filed_at=now)
    return len(waiting)
