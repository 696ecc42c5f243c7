"""The bot answers a question from the program's approved knowledge base and names its source
article; the customer's line lands on a case as a screened inbound interaction, and the bot's
answer is written on that case's timeline."""

from __future__ import annotations

import pytest
from django.test import Client

from caredesk.cases.models import Direction, Interaction, TimelineKind
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.webchat.models import ChatState

pytestmark = pytest.mark.django_db


def test_the_bot_answers_with_its_source_and_the_line_lands_on_a_case(chat, visitor) -> None:
    visitor.start(name="Sam Visitor")
    response = visitor.say("How many pills can I take in one day?", "msg-00000001")
    assert response.status_code == 200, response.content
    customer, bot = response.json()["messages"]
    assert customer["sender"] == "customer" and customer["client_id"] == "msg-00000001"
    assert bot["sender"] == "bot"
    assert "6 tablets in 24 hours" in bot["text"]
    assert bot["source"]["title"] == "How to take Relievium tablets"
    assert response.json()["state"] == ChatState.BOT

    row = InboundMessage.objects.get(session_id=visitor.session_id)
    assert (row.channel, row.provider, row.status) == ("webchat", "webchat", InboxStatus.PROCESSED)
    session = visitor.session()
    assert session.case_id == row.case_id
    inbound = Interaction.objects.get(case=session.case, direction=Direction.INBOUND)
    assert inbound.channel == "webchat" and "pills" in inbound.body
    notes = session.case.timeline.filter(kind=TimelineKind.NOTE)
    assert any("6 tablets" in n.summary and "How to take Relievium" in n.summary for n in notes)

    article = Client().get(f"/chat/kb/{chat.program.code}/{bot['source']['article_id']}/")
    assert article.status_code == 200 and b"6 tablets in 24 hours" in article.content


def test_a_second_line_joins_the_same_case(visitor) -> None:
    visitor.start()
    visitor.lines("How many pills can I take in one day?", "msg-00000001")
    visitor.lines("And where should I store them?", "msg-00000002")
    case = visitor.session().case
    assert Interaction.objects.filter(case=case, direction=Direction.INBOUND).count() == 2


def test_a_spanish_question_gets_the_spanish_article(visitor) -> None:
    visitor.start()
    bot = visitor.lines("¿Dónde guardo las tabletas?", "msg-es-0001")[1]
    assert bot["source"]["title"] == "Cómo conservar las tabletas"


def test_no_good_match_is_said_not_guessed(visitor) -> None:
    visitor.start()
    bot = visitor.lines("What is the capital of Peru?", "msg-peru-01")[1]
    assert bot["source"] is None and "could not find" in bot["text"]


def test_the_widget_and_demo_page_are_public(chat) -> None:
    client = Client()
    script = client.get("/chat/widget.js")
    assert script.status_code == 200 and script["Content-Type"] == "application/javascript"
    page = client.get(f"/chat/demo/{chat.program.code}/")
    assert page.status_code == 200
    assert f'data-program="{chat.program.code}"' in page.content.decode()
    assert client.get("/chat/demo/no-such-program/").status_code == 404
