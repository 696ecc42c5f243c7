"""Harm words that name a product, its parts or its paperwork in a complaint are not adverse
events (product_words.py), while the same words said of a body still are. Read off the
false positives of the seventeenth to twentieth writers' batches; examples are ours."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "The foil on these blisters is so thick the tablets snap when you push them.",
        "Las ampollas bebibles de magnesio llegaron con la punta rota.",
        "Product: Zenmo 10 mg / Lot: 4471 / Side effects: none / Issue: cap will not open.",
        "No leaflet in the pack, I wanted to read the side effects before starting.",
        "The cough mixture bottle leaks from under the cap.",
        "The strength on the strip is printed so faint you can't tell 5 from 50.",
        "The label on the tub keeps peeling off in the bathroom.",
        "The pump kept screaming occlusion even with a new set.",
        "The drench gun drips on every stroke.",
        "The battery's completely flat by lunchtime though it was charged.",
        "Our toddler is just fussy about the new flavour.",
        "Apply to clean dry skin, it says, and the dressing still falls off.",
        "Mum can't swallow the big tablets, is there a liquid?",
        "The baby has been feeding and gaining weight normally.",
        "I bought the weight-loss pen from a website and the box has no batch number.",
    ],
)
def test_product_words_in_a_complaint_are_not_harms(text: str) -> None:
    assert not screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "After two days of the cream I had blisters on both hands.",
        "Me salieron ampollas en los pies con las plantillas.",
        "Side effects: a rash on her chest and swollen lips.",
        "I felt faint and dizzy an hour after the tablet.",
        "The skin on his fingers is peeling since he started the gel.",
        "The label says not on broken skin and now my skin is peeling.",
        "She had a stroke two days after starting the pill.",
        "Since the new tablets she can't swallow without choking.",
    ],
)
def test_the_same_words_said_of_a_body_stay_harms(text: str) -> None:
    assert screen(text).adverse_event
