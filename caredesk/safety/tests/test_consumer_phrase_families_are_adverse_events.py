"""Consumer harm wording is matched by family (a body function plus a change), not phrase by
phrase, and the families stay quiet on ordinary customer-service wording."""

import pytest

from caredesk.safety.screening import SpecialSituation, screen


@pytest.mark.parametrize(
    "text",
    [
        "Since the new pills my libido has completely tanked.",
        "Noticeably reduced appetite and a much lower sex drive.",
        "I keep waking up three times every night since the patch.",
        "Put on about 12 pounds in two months on this.",
        "Coming off it was absolute hell.",
        "It made my husband really irritable.",
        "Couldn't concentrate at work all week after starting it.",
        "Had a headache the whole afternoon after the second dose.",
    ],
)
def test_consumer_harm_families_are_adverse_events(text):
    assert screen(text).adverse_event is True


@pytest.mark.parametrize(
    "text",
    [
        "I have had no side effects at all.",
        "The memory card I ordered is the wrong size.",
        "Please cancel the withdrawal from my account, it was a mistake.",
        "This return process has been a real headache.",
        "Is the sleep mode on the monitor supposed to turn on at night?",
    ],
)
def test_families_do_not_fire_on_ordinary_wording(text):
    assert screen(text).adverse_event is False


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Took 6 tablets in one day, the box says max 3.", SpecialSituation.OVERDOSE),
        ("She swallowed four of the chewables at once.", SpecialSituation.OVERDOSE),
        ("The pharmacist gave me 20 mg instead of 10 mg.", SpecialSituation.MEDICATION_ERROR),
        ("He mixed the ear drops up with his eye drops.", SpecialSituation.MEDICATION_ERROR),
        ("I've been crushing the slow-release tablets.", SpecialSituation.MISUSE),
        ("The cream isn't clearing the rash at all.", SpecialSituation.LACK_OF_EFFICACY),
        (
            "I gave my cat a bit of my own allergy tablet, was that ok?",
            SpecialSituation.OFF_LABEL_USE,
        ),
        (
            "I'm a pharmacist and got sprayed in the eye while reconstituting it.",
            SpecialSituation.OCCUPATIONAL_EXPOSURE,
        ),
        ("Got an infection from the injection site.", SpecialSituation.INFECTIOUS_AGENT),
    ],
)
def test_special_situation_families(text, code):
    assert code in screen(text).special_situations


def test_a_label_discrepancy_is_not_off_label_use():
    result = screen("The label on the tube says 1% but the box says 2%.")
    assert SpecialSituation.OFF_LABEL_USE not in result.special_situations
