"""Tampering wording found missing by the lead's own probes (2026-12-05): a product that smells
of a household chemical, needle marks on a pack, tablets with holes, a claim of having poisoned
stock, a tamper ring already snapped, a stopper that looks punctured, and Spanish "como si
alguien lo hubiera pinchado". Needle marks on a body and a kitchen that smells of bleach are
not tampering."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "The bottle was only half full and the liquid smelled of bleach.",
        "Found a syringe needle mark on the top of the pouch.",
        "The tablets have tiny holes in them.",
        "Someone phoned saying they had poisoned bottles in three of your stores.",
        "The child-resistant cap turns freely and the ring underneath is already snapped.",
        "The vial's plastic flip-off cap was missing and the rubber looked punctured.",
        "Los blísteres tienen agujeritos, como si alguien los hubiera pinchado.",
    ],
)
def test_suspected_tampering_is_found(text: str) -> None:
    assert screen(text).tampering


@pytest.mark.parametrize(
    "text",
    [
        "The nurse left needle marks on my arm.",
        "I have needle marks all over my belly from the insulin.",
        "My kitchen smells of bleach, can I still take the tablets?",
        "I have laced up my shoes and tracked my parcel.",
    ],
)
def test_bodies_kitchens_and_shoes_are_not_tampering(text: str) -> None:
    assert not screen(text).tampering


@pytest.mark.parametrize(
    "text",
    [
        "The serial number doesn't verify when I scan the code.",
        "The pharmacy said the pack failed FMD verification.",
    ],
)
def test_a_pack_failing_verification_is_a_suspected_counterfeit(text: str) -> None:
    assert "counterfeit" in screen(text).special_situations


@pytest.mark.parametrize(
    "text", ["My promo code doesn't validate at checkout.", "The gift card code won't verify."]
)
def test_codes_of_the_shop_are_no_counterfeit(text: str) -> None:
    assert not screen(text).special_situations
