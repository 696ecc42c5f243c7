"""Questions, hypotheticals, reasons for use and old history are not reports of harm."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "Can it cause drowsiness?",
        "Does this medicine cause weight gain?",
        "What are the side effects of the 20 mg tablets?",
        "If I get a rash, should I stop taking it?",
        "I take it for headaches and it works great.",
        "My doctor prescribed it for my anxiety.",
        "My son has a fever, how much should I give him?",
        "I have a history of asthma; is the spray safe for me?",
        "¿Puede causar somnolencia?",
        "Lo tomo para el dolor de cabeza.",
        "I'm worried it might upset my stomach.",
    ],
)
def test_not_flagged(text):
    assert screen(text).adverse_event is False


@pytest.mark.parametrize(
    "text",
    [
        "I got a rash after taking it, is that normal?",
        "I take it for headaches but since I started it I feel dizzy all the time.",
        "Since taking it my anxiety is worse.",
    ],
)
def test_experience_in_a_question_or_indication_sentence_is_flagged(text):
    assert screen(text).adverse_event is True
