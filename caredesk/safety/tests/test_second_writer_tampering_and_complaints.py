"""Tampering and complaint families drawn from the second, independent writer's training batch
(eval/contact_center/train_13.txt; concepts_quality_second_writer.py), written here in our own
words, each with look-alikes that are none."""

import pytest

from caredesk.safety.screening import screen

TAMPERED = [
    "The foil strip inside has been swapped, it is for another product.",
    "The carton ends were neatly glued shut but the blisters inside were all gone.",
    "The box had been opened and resealed with a different kind of tape.",
    "The dosing syringe looks like it has been refilled, the paste is a different colour.",
    "Some capsules were twisted apart and rejoined, half empty.",
    "A man phoned claiming he had injected something into your pet food on the shelves.",
    "El frasco estaba cerrado pero el jarabe huele a lejia.",
    "The ring on the cap was already in two pieces when I bought it.",
    "Two of the tablets in the jar were a different shape and had no imprint.",
]


@pytest.mark.parametrize("text", TAMPERED)
def test_tampering_is_found(text: str) -> None:
    assert screen(text).tampering


@pytest.mark.parametrize(
    "text",
    [
        "He said people will get hurt unless we pay, and that he got into your warehouse.",
        "Caller said she would teach us a lesson by poisoning products on the shelves.",
    ],
)
def test_a_threat_is_tampering_but_no_product_complaint(text: str) -> None:
    result = screen(text)
    assert result.tampering and not result.product_complaint


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("device_malfunction", "The heat pad got stuck on the highest setting."),
        ("device_malfunction", "My scales show a different weight every time I step on."),
        ("device_malfunction", 'The nebuliser shows "pump error" and shuts off after a minute.'),
        ("device_malfunction", "The blood pressure cuff won't inflate any more."),
        ("labeling", "The leaflet in the wormer box is only in Dutch."),
        ("labeling", "El prospecto viene en frances."),
        ("foreign_matter", "There was a screw embedded in one of the chews."),
        ("foreign_matter", "White fuzzy patches on top of the syrup when I opened it."),
        ("quantity", "The 200 ml bottle only gave me about 150 ml."),
        ("quantity", "La caja traia 20 en vez de 30."),
        ("packaging", "El cierre de seguridad esta roto, se abre sin apretar."),
    ],
)
def test_the_complaint_category_is_found(category: str, text: str) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "The balloon we ordered for the party won't inflate.",
        "The website shuts down after five minutes.",
        "The padded envelope was ripped and wet but the blister pack inside was sealed and dry.",
        "Do you print the leaflet in Polish as well?",
        "The new box has been swapped for a recyclable one, nice.",
    ],
)
def test_no_complaint_or_tampering(text: str) -> None:
    result = screen(text)
    assert not result.product_complaint and not result.tampering
