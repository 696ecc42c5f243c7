"""Self-service by phone: a lot number said or keyed is checked against the program's recalled
lots ("is part of a recall" with the next steps, "is not part of a recall", or not one of our
lots), and the check is stored on the call's case; a spoken question is answered with the
best approved article's passage (a draft is never read), or the caller is offered a
specialist; the opening hours come from the IVR text or the program's SLA business hours."""

from __future__ import annotations

from datetime import time

import pytest

from caredesk.channels.models import InboundMessage
from caredesk.channels.voice.models import CallRecord, IvrConfig
from caredesk.channels.voice.tests.conftest import call_params, one, post_voice, said, twiml
from caredesk.knowledge.services.articles import ArticleInput, create_article
from caredesk.routing.models import SlaPolicy
from caredesk.testing import factories as f
from caredesk.testing.knowledge_objects import approved_demo_articles, editors

pytestmark = pytest.mark.django_db


@pytest.fixture
def recall(line, world):
    f.LotFactory(product=world.product_a, number="RLV2402B")
    IvrConfig.objects.create(
        program=world.program_a,
        recalled_lots=["RLV2401A"],
        recall_next_steps="Stop using it and call us for a refund.",
    )
    twiml(post_voice("", call_params()))


def lot(**said_or_keyed: str):
    return twiml(post_voice("lot/", call_params(**said_or_keyed)))


def test_pressing_1_asks_for_the_lot_number(line):
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("menu/", call_params(Digits="1")))
    gather = one(root, "Gather")
    assert gather.get("action") == "/hooks/twilio/voice/lot/"
    assert gather.get("input") == "dtmf speech" and "lot number" in said(gather)


def test_a_recalled_lot_is_said_to_be_recalled_with_next_steps(recall):
    text = said(lot(SpeechResult="R L V two four zero one A."))
    assert "Lot R L V 2 4 0 1 A is part of a recall." in text
    assert "Stop using it and call us for a refund." in text
    stored = InboundMessage.objects.system_scope().get(provider_message_id__contains=":lot:")
    assert "lot RLV2401A (part of a recall" in stored.body
    assert CallRecord.objects.system_scope().get().steps[-1]["recalled"] is True


def test_a_lot_not_recalled_is_said_not_to_be(recall):
    text = said(lot(SpeechResult="rlv 2402-b"))
    assert "Lot R L V 2 4 0 2 B is not part of a recall." in text


def test_keyed_digits_find_the_lot_they_belong_to(recall):
    assert "R L V 2 4 0 1 A is part of a recall" in said(lot(Digits="2401"))
    assert "R L V 2 4 0 2 B is not part of a recall" in said(lot(Digits="2402"))


def test_an_unknown_lot_is_said_to_be_unknown(recall):
    text = said(lot(SpeechResult="XYZ999"))
    assert "could not find lot X Y Z 9 9 9" in text and "not on our recall list" in text


def test_a_spoken_question_is_answered_from_an_approved_article(line, world):
    approved_demo_articles(world.program_a)
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("faq/", call_params(SpeechResult="how should I store the tablets")))
    text = said(root)
    assert "Here is our approved answer about Storing your tablets." in text
    assert "room temperature" in text
    assert "press 0 to talk to a specialist" in text
    step = CallRecord.objects.system_scope().get().steps[-1]
    assert step["step"] == "faq" and step["article"]
    assert InboundMessage.objects.system_scope().filter(provider_message_id__contains=":faq:")


def test_a_draft_is_never_read_and_no_answer_offers_a_specialist(line, world):
    people = editors(world.program_a)
    create_article(
        world.program_a,
        ArticleInput(title="Parking at the clinic", body="Park behind the clinic building."),
        acting_user=people.author,
    )
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("faq/", call_params(SpeechResult="where can I park")))
    text = said(root)
    assert "Park behind" not in text
    assert "no approved answer" in text and "press 0" in text


def test_hours_are_read_from_the_programs_sla_business_hours(line, world):
    SlaPolicy.objects.create(
        program=world.program_a,
        case_type="general_inquiry",
        first_response_minutes=60,
        resolution_minutes=600,
        opens_at=time(8, 0),
        closes_at=time(20, 30),
        weekdays="012345",
    )
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("menu/", call_params(Digits="3")))
    assert "We are open Monday to Saturday, from 8 a.m. to 8:30 p.m., New York time" in said(root)
    assert root.find("Gather") is not None  # then the menu again


def test_hours_written_in_the_ivr_are_read_as_written(line, world):
    IvrConfig.objects.create(program=world.program_a, hours_text="Open every day, 7 to 7.")
    twiml(post_voice("", call_params()))
    root = twiml(post_voice("menu/", call_params(SpeechResult="what are your opening hours")))
    assert "Open every day, 7 to 7." in said(root)
