"""Adverse events are found in lay wording, agent shorthand, typos, Spanish, people and animals."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "I threw up twice after the first dose.",
        "pt c/o N/V x2 days after starting med.",
        "Caller reports h/a and dizzyness since Tuesday.",
        "I have had terrible diarhea since I switched brands.",
        "My face swelled up and I broke out in hives.",
        "My dog started limping and drooling after the flea treatment.",
        "Our cat vomited and has been lethargic since the chew.",
        "Tengo náuseas y mareos desde que empecé a tomar el jarabe.",
        "A mi perro le salieron ronchas después de la pipeta.",
        "Hi, just wanted to let you know the gummies gave my daughter a stomach ache.",
    ],
)
def test_flagged(text):
    assert screen(text).adverse_event is True


def test_evidence_spans_point_at_the_harm_words():
    text = "After the 2nd dose I felt nauseous and dizzy."
    result = screen(text)
    words = {text[e.start : e.end].lower() for e in result.evidence if e.label == "adverse_event"}
    assert {"nauseous", "dizzy"} <= words
