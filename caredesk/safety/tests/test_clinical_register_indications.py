"""Medical-information requests and clinical notes name the condition a drug is for after a
dose and a schedule ("pt on valproate 500 mg BD for epilepsy"), name services for conditions
("headache nurse") and name adrenaline as an ingredient ("lidocaine with adrenaline"): none of
these is a harm. From an independent writer's batch of HCP messages (train_22), in our own
words, with the look-alikes that must still be reported."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import Seriousness


@pytest.mark.parametrize(
    "text",
    [
        "Pt M 54 on lamotrigine 200 mg BD for epilepsy, asking about travel.",
        "I am considering your propranolol for essential tremor in an older man.",
        "We commenced your metformin at 500 mg once daily with meals for type 2 diabetes.",
        "Migraine nurse, patient-support programme, calling to update the address.",
    ],
)
def test_the_condition_treated_is_not_an_adverse_event(text: str) -> None:
    assert not screen(text).adverse_event, screen(text).evidence


def test_adrenaline_as_an_ingredient_is_not_life_threatening() -> None:
    result = screen("Two boxes of the articaine with adrenaline cartridges, please.")
    assert Seriousness.LIFE_THREATENING not in result.seriousness


@pytest.mark.parametrize(
    "text",
    [
        "Started your propranolol for tremor and within a week he fainted twice.",
        "Pt on lamotrigine 200 mg BD for epilepsy developed a widespread rash.",
        "The paramedics gave her adrenaline after the injection.",
    ],
)
def test_a_harm_after_the_condition_is_still_reported(text: str) -> None:
    result = screen(text)
    assert result.adverse_event or Seriousness.LIFE_THREATENING in result.seriousness
