"""A symptom the product did not touch ("does nothing, still wheezy", "bitten anyway") or took
away ("headache gone in twenty minutes") is the reason for use, not a harm; a new harm said
beside it still is. From the ninth independent writer's batch (train_20), in our own words."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "The spray does nothing, I'm still bunged up every night.",
        "Used the midge repellent and got bitten to bits anyway.",
        "Brilliant stuff, the cramps were gone within an hour.",
        "Worked a treat on my back, thanks.",
        "Three weeks of the corn plasters and the corn is exactly as it was.",
    ],
)
def test_the_symptom_is_the_reason_for_use(text: str) -> None:
    assert not screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "The inhaler does nothing and it gave me a sore throat.",
        "The drops did nothing and I came out in a rash on my face.",
        "Since the new tablets I'm still dizzy every morning.",
    ],
)
def test_a_new_harm_beside_it_is_still_reported(text: str) -> None:
    assert screen(text).adverse_event
