"""A smell, a taste, a look or a feel said with delight is no complaint (praise.py), but a word
of contrast keeps the complaint ("I love this cream but this tube smells of vinegar"). Read off
an independent writer's batch of happy customers (train_cs_16); examples are ours."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import ComplaintCategory as C
from caredesk.safety.screening.praise import praised


@pytest.mark.parametrize(
    "text",
    [
        "The lavender balm smells like a spa day, love it.",
        "These strawberry gummies taste like sweets from my childhood, so good!",
        "The charcoal paste comes out jet black and looks so cool.",
        "Me encanta, el jabón huele a coco y la textura es una maravilla.",
    ],
)
def test_delighted_descriptions_are_not_complaints(text: str) -> None:
    result = screen(text)
    assert C.APPEARANCE not in result.complaint_categories
    assert not result.product_complaint


@pytest.mark.parametrize(
    "text",
    [
        "I love this cream but this tube smells of vinegar.",
        "My favourite gummies, but this jar tastes sour and they're a weird colour.",
        "Me encanta este jarabe pero este frasco huele raro.",
    ],
)
def test_praise_with_a_contrast_keeps_the_complaint(text: str) -> None:
    assert screen(text).product_complaint


def test_praise_needs_a_praise_word_and_no_contrast() -> None:
    assert praised("smells like a forest walk, no notes")
    assert not praised("smells like a damp basement")
    assert not praised("love the scent but the new batch is off")
