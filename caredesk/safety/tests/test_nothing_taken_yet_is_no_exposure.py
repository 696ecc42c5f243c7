"""A message that says the product has not been taken yet reports no exposure (not_taken.py):
its symptoms are why someone asks, not an adverse event, and no pregnancy or feed exposure
follows; a fake or a wrong product handed over still counts. Examples are ours."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import SpecialSituation as SS


@pytest.mark.parametrize(
    "text",
    [
        "My son has a high temperature. Can I give your syrup? Haven't given him anything yet.",
        "I'm 30 weeks and the heartburn is awful. Is Acidex safe? I've been on nothing so far.",
        "Mi perro cojea desde ayer. ¿Puedo darle el antiinflamatorio? Aún no le he dado nada.",
        "She is constipated and off her food. She's not taking anything at the moment.",
        "What's the taper schedule? We have not started reducing yet.",
    ],
)
def test_symptoms_before_anything_was_taken_are_no_adverse_event(text: str) -> None:
    result = screen(text)
    assert not result.adverse_event
    assert SS.PREGNANCY not in result.special_situations


@pytest.mark.parametrize(
    "text",
    [
        "I took one tablet and got hives all over. I'm not on any other medication.",
        "After the first dose he was sick twice; I haven't given him any more yet.",
        "Stopped the sleeping pill and my heart pounds every night, worse than before I started.",
        "I broke out in a rash after the cream and I haven't had anything like it before.",
    ],
)
def test_a_reported_harm_with_a_no_more_or_no_other_stays(text: str) -> None:
    assert screen(text).adverse_event


def test_a_fake_not_yet_used_is_still_counterfeit() -> None:
    text = "Insulin from a website, the label peels to show another label. Haven't used any of it."
    assert SS.COUNTERFEIT in screen(text).special_situations
