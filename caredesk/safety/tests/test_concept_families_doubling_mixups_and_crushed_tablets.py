"""Families found missing by the lead's own probes (2026-12-05): doubling up on a medicine is an
overdose; two medicines muddled with each other is a medication error; sugars "still through the
roof on the max dose" is lack of efficacy; tablets that arrive crushed are an appearance
complaint (the product itself is damaged), while tablets crushed to be snorted are misuse, not a
defect. Look-alikes from ordinary service talk stay unflagged."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I've been doubling up on the tablets because one doesn't touch the pain.", "overdose"),
        ("My nan got her eye drops mixed up with her ear drops.", "medication_error"),
        ("I confused the tablets with my vitamins.", "medication_error"),
        ("My blood sugars are still through the roof on the max dose.", "lack_of_efficacy"),
    ],
)
def test_the_situation_is_found(text: str, code: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "We're doubling up on the order to save postage.",
        "Sorry, I got the order numbers mixed up with another one.",
    ],
)
def test_service_talk_is_no_special_situation(text: str) -> None:
    assert not screen(text).special_situations


def test_tablets_that_arrive_crushed_are_a_complaint() -> None:
    assert screen("The tablets arrived crushed in the blister.").product_complaint
    assert not screen("The box arrived crushed but the tablets were fine.").product_complaint


def test_tablets_crushed_to_snort_are_misuse_not_a_defect() -> None:
    result = screen("He's been snorting the crushed tablets with his mates.")
    assert "abuse" in result.special_situations
    assert not result.product_complaint


@pytest.mark.parametrize(
    "text",
    [
        "Cx states LOE - BP still 160/100 after 4 wks.",
        "Pt reports LOE with the patch.",
        "My sugars are still 15 despite the max dose.",
    ],
)
def test_agent_shorthand_and_readings_still_high_are_lack_of_efficacy(text: str) -> None:
    assert "lack_of_efficacy" in screen(text).special_situations


def test_an_order_still_late_is_not_lack_of_efficacy() -> None:
    assert not screen("Order still 2 days late after the refund.").special_situations
