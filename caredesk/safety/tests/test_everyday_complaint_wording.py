"""Complaints told by what the customer saw, smelt, tasted, weighed or counted, and sprays told
by how they behaved, from an independent writer's batch of OTC, supplement, pet and farm
complaints (eval/contact_center/train_23.txt); in our own words, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import ComplaintCategory as C

COMPLAINTS = [
    (C.APPEARANCE, "The children's ibuprofen is always orange, this bottle is a murky brown."),
    (C.APPEARANCE, "The linctus whiffed of vinegar when I opened it."),
    (C.APPEARANCE, "The syrup tastes like sucking coins, nothing like usual."),
    (C.APPEARANCE, "The balm has gone hard and grainy in the tin."),
    (C.APPEARANCE, "Las gotas tienen un tinte amarillo y huelen agrio."),
    (C.DEVICE_MALFUNCTION, "The nasal spray just dribbles out the end, never comes out as a mist."),
    (C.DEVICE_MALFUNCTION, "The inhaler counter has said 60 for two weeks."),
    (C.DEVICE_MALFUNCTION, "The heat wrap stayed stone cold after an hour."),
    (C.DEVICE_MALFUNCTION, "El espray no pulveriza, sale un chorro."),
    (C.PACKAGING, "The box says it comes with a dosing syringe and there was no syringe inside."),
    (C.PACKAGING, "La caja del jarabe no traía la jeringa."),
    (C.QUANTITY, "The bag says 5 kg. We weighed it on the scales and got 4.1 kg."),
    (C.LABELING, "The box says 10-25 kg but the pipettes say 25-40 kg."),
    (C.LABELING, "The weight bands on the dose chart are the wrong way round."),
    (C.FOREIGN_MATTER, "There were bits of wood pressed into the lick bucket."),
]


@pytest.mark.parametrize(("category", "text"), COMPLAINTS)
def test_the_complaint_is_found(category: C, text: str) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "Is it normal for the syrup to settle a little at the bottom?",
        "Does the heat wrap need shaking before it warms up?",
        "The box says 30 tablets, can I get the 60 pack instead?",
        "Do you sell the lick buckets by the pallet?",
    ],
)
def test_questions_and_orders_are_not_complaints(text: str) -> None:
    assert not screen(text).product_complaint


@pytest.mark.parametrize(
    "text",
    [
        "Someone had pushed a sewing needle into one of the fish oil softgels.",
        "The tube has a pinprick hole near the crimp.",
        "He said he'd mess with your bottles on the shelf if he got no refund.",
    ],
)
def test_tampering_is_found(text: str) -> None:
    assert screen(text).tampering
