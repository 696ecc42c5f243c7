"""Families found missing by the lead's own wording (2026-12-05), each proved with sentences of
its kind and with ordinary look-alikes that must stay unflagged: measuring parts and spacers
are product parts ("the dosing cup arrived cracked"); "do nothing for my X" said of a medicine
is lack of efficacy, not of an order; an injector that fires before it is placed is a device
malfunction; a use "even though they're for sleep" is off-label."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "The dosing cup arrived cracked.",
        "The measuring spoon that came with the syrup was snapped in half.",
        "My son's spacer has a split down the side.",
        "The dropper bottle leaks all over my bag.",
        "The face mask on the nebuliser is torn.",
        "The auto-injector fired before I pressed it to my leg.",
        "The pen went off in my hand and the dose went on the floor.",
    ],
)
def test_a_product_part_or_device_fault_is_a_complaint(text: str) -> None:
    assert screen(text).product_complaint


@pytest.mark.parametrize(
    "text",
    [
        "I wanted to ask if the measuring cup is dishwasher safe.",
        "Do I need a spacer with this inhaler?",
        "The mask I ordered for my costume ripped, can I return it?",
        "My coffee cup is cracked lol, anyway where is my order?",
        "The chamber of commerce sent me your details.",
        "The party went off before I arrived.",
    ],
)
def test_look_alikes_are_not_complaints(text: str) -> None:
    assert not screen(text).product_complaint


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Email: the tablets do nothing for my headache.", "lack_of_efficacy"),
        ("These pills do absolutely nothing for my back pain.", "lack_of_efficacy"),
        ("Las pastillas no me hacen nada.", "lack_of_efficacy"),
        ("I've been taking them for my anxiety even though they're for sleep.", "off_label_use"),
        (
            "I give my 8 year old the tablets although they are only meant for adults.",
            "off_label_use",
        ),
    ],
)
def test_the_situation_is_found(text: str, code: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "Your support team did nothing for my refund.",
        "I did nothing wrong with the tablets, they were stored properly.",
        "The discount code did nothing at checkout.",
        "The gel is great although it's for external use only.",
        "I bought them even though they're for my mum.",
    ],
)
def test_service_talk_is_no_special_situation(text: str) -> None:
    assert not screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "Ever since the new batch my hands won't stop shaking.",
        "Mi hijo no para de vomitar desde el jarabe.",
        "He couldn't stop vomiting after the tablets.",
    ],
)
def test_what_will_not_stop_is_asserted(text: str) -> None:
    """A negated "stop" + a gerund asserts the gerund: "won't stop shaking" is shaking."""
    assert screen(text).adverse_event


def test_a_symptom_the_medicine_did_not_stop_is_its_indication() -> None:
    result = screen("It didn't stop the itching.")
    assert "lack_of_efficacy" in result.special_situations
    assert not result.adverse_event


def test_not_stopping_a_medicine_is_no_lack_of_efficacy() -> None:
    assert "lack_of_efficacy" not in screen("I didn't stop taking it.").special_situations


def test_ones_own_hair_falling_out_is_a_harm_not_foreign_matter() -> None:
    result = screen("My hair has been falling out in clumps since I started.")
    assert result.adverse_event
    assert not result.product_complaint
    assert screen("There was a hair in the cream.").complaint_category == "foreign_matter"
