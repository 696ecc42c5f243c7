"""Complaint families found missing by the lead's own probes (2026-12-05): print worn off a
pack, a missing braille or lot field, a leaflet for another medicine, a dosing device that
delivers the wrong amount, a patch without adhesive; and the receipts, loyalty cards and web
pages that share their words."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Letter: Dear Sir, the leaflet in my box of tablets was for a completely different "
            "medicine.",
            "labeling",
        ),
        ("Chat: the lot number on the tube has rubbed off so I can't check the recall", "labeling"),
        ("The braille on the box is missing.", "labeling"),
        ("Farmer says the drench gun delivers double the set dose.", "device_malfunction"),
        ("The patch has no adhesive on one corner.", "appearance"),
    ],
)
def test_the_complaint_and_its_category_are_found(text: str, category: str) -> None:
    result = screen(text)
    assert result.product_complaint
    assert result.complaint_category == category


@pytest.mark.parametrize(
    "text",
    [
        "The printing on my receipt has faded away, can you email me a copy?",
        "The barcode on my loyalty card is missing, how do I get points?",
        "Your gift card gives double points this week?",
        "The instructions on your website are for a different product.",
    ],
)
def test_service_talk_is_no_complaint(text: str) -> None:
    assert not screen(text).product_complaint


@pytest.mark.parametrize(
    "text",
    [
        "My hearing aid battery door snapped off.",
        "The catheter balloon wouldn't deflate.",
        "The blood pressure cuff won't inflate past 100.",
        "The wheelchair brake doesn't hold on slopes.",
    ],
)
def test_a_device_part_or_a_device_that_will_not_inflate_is_a_device_fault(text: str) -> None:
    assert screen(text).complaint_category == "device_malfunction"


@pytest.mark.parametrize(
    "text",
    [
        "The balloon we ordered for the party won't inflate.",
        "My phone screen cracked, can I update my number?",
        "My account won't unlock.",
    ],
)
def test_party_balloons_phones_and_accounts_are_no_device_fault(text: str) -> None:
    assert not screen(text).product_complaint
