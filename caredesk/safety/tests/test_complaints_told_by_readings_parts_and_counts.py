"""Complaints told by readings, parts and counts (concepts_quality_readings.py): families read
off the seventeenth to nineteenth writers' batches (train_28 … train_30); the examples are
ours, with look-alikes from ordinary service talk."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import ComplaintCategory as C


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The new ear thermometer reads 35.0 on everyone in the house.", C.DEVICE_MALFUNCTION),
        ("Cada vez que lo uso el tensiómetro marca un valor distinto.", C.DEVICE_MALFUNCTION),
        ("Meter keeps showing HI when the lab says 190.", C.DEVICE_MALFUNCTION),
        ("The heat pad won't warm up at all, it stays stone cold.", C.DEVICE_MALFUNCTION),
        ("The compressor cuts out after a minute every time.", C.DEVICE_MALFUNCTION),
        ("My hearing aid whistles constantly now.", C.DEVICE_MALFUNCTION),
        ("The lancet goes too deep even on setting 1.", C.DEVICE_MALFUNCTION),
        ("The control line never came up on the test.", C.DEVICE_MALFUNCTION),
        ("The charger gets really hot after ten minutes.", C.DEVICE_MALFUNCTION),
        ("The spacer kit came with no mask in it.", C.PACKAGING),
        ("There was a 10 ml syringe in the box instead of the 1 ml one.", C.PACKAGING),
        ("El vasito dosificador viene sin ninguna marca.", C.PACKAGING),
        ("Several of the sachets had split inside the carton.", C.PACKAGING),
        ("The print on the back of the bottle is too pale to read.", C.LABELING),
        ("El prospecto viene en alemán y no lo entiendo.", C.LABELING),
        ("The lot on the outer carton is 4411 but the blisters inside say 4471.", C.LABELING),
        ("Expiry on the outer box is 2027 but the tube inside says 2025.", C.LABELING),
        ("I counted them twice and there are only 52, the tub says 60.", C.QUANTITY),
        ("El bidón llegó con unos 4 litros y el nivel se ve muy bajo.", C.QUANTITY),
        ("There was a dog hair stuck to one of the lozenges.", C.FOREIGN_MATTER),
        ("The lab grew the same bacteria from what was left in the vial.", C.FOREIGN_MATTER),
    ],
)
def test_a_reading_a_part_or_a_count_is_a_complaint(text: str, category: C) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "The font on your new app is too small for me.",
        "The parcel came with no delivery note, the products are fine.",
        "I counted the points on my account and there are 120, thanks!",
        "My order arrived with the wrong size of hand wash, can I swap it?",
    ],
)
def test_service_talk_is_not_a_complaint(text: str) -> None:
    result = screen(text)
    assert not {C.LABELING, C.PACKAGING, C.QUANTITY} & set(result.complaint_categories)


@pytest.mark.parametrize(
    "text",
    [
        "The box looked re-glued along the flap and the foil was loose.",
        "La caja parecía abierta y cerrada otra vez.",
    ],
)
def test_a_pack_opened_and_closed_again_is_tampering(text: str) -> None:
    assert screen(text).tampering
