"""An adverse event, a product complaint or tampering stops the bot: it says a specialist will
take over, the chat waits first in the console flagged as priority, the bot answers nothing
more, and the inbox processing records the screener's findings on the case. An agent joins,
replies (an outbound interaction on the case) and the whole transcript is on the case."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Direction, Interaction, TimelineKind
from caredesk.channels.webchat.models import ChatState, Sender
from caredesk.channels.webchat.services.console import (
    agent_reply,
    chats_for_console,
    end_chat,
    join_chat,
)
from caredesk.errors import Conflict
from caredesk.safety.models import Finding

pytestmark = pytest.mark.django_db

SAFETY_LINES = [
    ("I took two tablets and got a bad rash and swelling on my face", "adverse event"),
    ("The tablets in my new bottle are crumbled and smell strange", "product complaint"),
    ("The safety seal on the bottle was broken and someone opened it", "tampering"),
]


@pytest.mark.parametrize(("text", "reason"), SAFETY_LINES)
def test_safety_content_hands_over_and_the_bot_stops(visitor, text: str, reason: str) -> None:
    visitor.start()
    visitor.lines("How many pills can I take in one day?", "msg-q-000001")
    lines = visitor.lines(text, "msg-s-000001")
    assert lines[1]["sender"] == "bot" and "specialist" in lines[1]["text"]
    assert lines[1]["source"] is None
    session = visitor.session()
    assert session.state == ChatState.WAITING and session.priority
    assert reason in session.handover_reason

    after = visitor.lines("How should I store them?", "msg-q-000002")
    assert [line["sender"] for line in after] == ["customer"]  # the bot has stopped
    assert Finding.objects.filter(interaction__case=session.case).exists()


def test_safety_chats_come_first_in_the_console(world, visitor, chat) -> None:
    visitor.start()
    visitor.lines("I want to talk to an agent please", "msg-p-000001")
    plain = visitor.session()
    assert plain.state == ChatState.WAITING and not plain.priority

    visitor.start()
    visitor.lines(SAFETY_LINES[0][0], "msg-s-000001")
    urgent = visitor.session()
    assert [c.pk for c in chats_for_console(world.agent_a)] == [urgent.pk, plain.pk]
    assert list(chats_for_console(world.agent_b)) == []


def test_an_agent_joins_replies_and_the_transcript_is_on_the_case(world, visitor) -> None:
    visitor.start(name="Sam Visitor")
    visitor.lines(SAFETY_LINES[0][0], "msg-s-000001")
    session = visitor.session()
    with pytest.raises(Conflict):
        agent_reply(session, "Hello", acting_user=world.agent_a)
    join_chat(session, acting_user=world.agent_a)
    with pytest.raises(Conflict):
        join_chat(session, acting_user=world.supervisor_a)
    line = agent_reply(
        session, "I am sorry to hear that. When did it start?", acting_user=world.agent_a
    )
    assert line.sender == Sender.AGENT and line.interaction is not None
    visitor.lines("Yesterday evening", "msg-s-000002")
    end_chat(session, by="the care specialist", acting_user=world.agent_a)

    case = visitor.session().case
    interactions = Interaction.objects.filter(case=case).order_by("pk")
    assert [i.direction for i in interactions] == [
        Direction.INBOUND,
        Direction.OUTBOUND,
        Direction.INBOUND,
    ]
    assert interactions[1].body.startswith("I am sorry") and interactions[1].author == world.agent_a
    notes = [e.summary for e in case.timeline.filter(kind=TimelineKind.NOTE).order_by("at", "pk")]
    assert any("specialist who will take over" in n for n in notes)
    assert any("joined the chat" in n for n in notes)
    assert any("ended by the care specialist" in n for n in notes)
    assert visitor.say("Hello?", "msg-s-000003").status_code == 409
