"""Complaints told by what a device or a pack did (concepts_quality_behaviour.py) and special
situations told by what people did (the later families in concepts_families_doses.py and
concepts_families_uses.py), read off the twentieth and twenty-first writers' batches (train_31,
train_32). The examples are ours, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import ComplaintCategory as C
from caredesk.safety.screening.codes import SpecialSituation as SS


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The oximeter gives me 70, then 98 a second later, sitting still.", C.DEVICE_MALFUNCTION),
        ("El tensiómetro me da 200 y al minuto 110 sin moverme.", C.DEVICE_MALFUNCTION),
        ("It says 35.2 for me, 35.0 for my wife, so something is wrong.", C.DEVICE_MALFUNCTION),
        ("The nebuliser hums but nothing comes out of the cup.", C.DEVICE_MALFUNCTION),
        ("Channel 1 is dead, channel 2 works with the same pads.", C.DEVICE_MALFUNCTION),
        ("The orange cap wouldn't come off for the training check.", C.DEVICE_MALFUNCTION),
        ("The lancet device fired on its own while I was loading it.", C.DEVICE_MALFUNCTION),
        ("The auto-injector didn't fire when pressed on her thigh.", C.DEVICE_MALFUNCTION),
        ("The dose counter got stuck at 120 and never moves.", C.DEVICE_MALFUNCTION),
        ("The monitor cuff kept squeezing and wouldn't release.", C.DEVICE_MALFUNCTION),
        ("The needle came off the hub halfway through the injection.", C.DEVICE_MALFUNCTION),
        ("Mi termómetro nuevo no prende ni con pilas nuevas.", C.DEVICE_MALFUNCTION),
        ("Las cápsulas huelen a rancio.", C.APPEARANCE),
        ("The fish oil capsules are tacky to the touch.", C.APPEARANCE),
        ("The sachet seams have come apart inside the box.", C.PACKAGING),
        ("Bags are leaking at the administration port.", C.PACKAGING),
        ("The child lock just clicked open when my toddler twisted it.", C.PACKAGING),
        ("Carton says lot 22A but the vial says lot 22B.", C.LABELING),
        ("Box of 60 strips, only 50 inside.", C.QUANTITY),
        ("There was a dead beetle in the sealed powder bag.", C.FOREIGN_MATTER),
    ],
)
def test_what_a_device_or_pack_did_is_a_complaint(text: str, category: C) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "Customs won't release the goods without the packing list.",
        "Our stock-take shows 12 for me to order, then 20 next week.",
        "The new cap comes off easily, thank you for changing it.",
    ],
)
def test_trade_and_service_talk_is_not_a_device_complaint(text: str) -> None:
    assert C.DEVICE_MALFUNCTION not in screen(text).complaint_categories


def test_a_snapped_tamper_ring_is_tampering() -> None:
    assert screen("The tamper ring was already snapped when I took the bottle out.").tampering


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Se tomó 3 pastillas de 400 juntas por el dolor.", SS.OVERDOSE),
        (
            "I gave the dog his tablet today again because I forgot I gave it yesterday.",
            SS.OVERDOSE,
        ),
        ("Le puse el supositorio de adulto en vez del infantil.", SS.OVERDOSE),
        (
            "The label says take it three times a day, but the doctor wrote once.",
            SS.MEDICATION_ERROR,
        ),
        ("I'm picking fleas off them every night since the new collar.", SS.LACK_OF_EFFICACY),
        (
            "Finished the full course of tablets and the infection is still there.",
            SS.LACK_OF_EFFICACY,
        ),
        ("Dos semanas con la crema y la mancha sigue igualita.", SS.LACK_OF_EFFICACY),
        ("Since they switched him to the new brand the fits came back.", SS.LACK_OF_EFFICACY),
        ("I use it near my eyes even if the label says don't.", SS.MISUSE),
        ("Si no lo uso se me tapa la nariz por completo.", SS.WITHDRAWAL),
        ("Mi nieto se untó la crema de su abuela en la cara.", SS.ACCIDENTAL_EXPOSURE),
        ("The vet told us to put the cattle pour-on on our dogs.", SS.OFF_LABEL_USE),
    ],
)
def test_what_people_did_is_a_special_situation(text: str, code: SS) -> None:
    assert code in set(screen(text).special_situations)
