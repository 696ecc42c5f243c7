"""Families drawn from the third independent writer's batches (eval/contact_center/train_14.txt,
weighted to special situations said indirectly, and eval/customer_service/train_cs_5.txt),
written here in our own words, each kind with look-alikes that are none."""

import pytest

from caredesk.safety.screening import screen

SITUATIONS = [
    ("pregnancy", "A lady from Leeds, due in April, used the lice lotion last week."),
    ("pregnancy", "Got two lines on the test this morning and I'm on your acne tablets."),
    ("breastfeeding", "I'm expressing for the baby in special care and took the cold capsules."),
    ("overdose", "Took 2 at 6, then another 2 at 8, then 2 more at 10; that's well over."),
    ("overdose", "Mi padre se tomo 5 pastillas para dormir juntas."),
    ("overdose", "The resident got her morning insulin twice."),
    ("medication_error", "She put on two patches, thought they were a weaker strength."),
    ("medication_error", "The chemist gave only the one tablet instead of the combination."),
    ("medication_error", "The toddler was given the adult-strength toothpaste varnish."),
    ("lack_of_efficacy", "Since the switch to the generic I've had two fits."),
    ("lack_of_efficacy", "The inhaler doesn't work like it used to."),
    ("off_label_use", "My consultant told me to take two a day though the box says one."),
    ("off_label_use", "The vet said to use the cattle injection on our goats."),
    ("accidental_exposure", "He uses the testosterone gel and our 3yo climbs on him every day."),
    ("occupational_exposure", "The carer put the steroid cream on residents without gloves."),
    ("withdrawal", "Stopped the pregabalin 3/7 ago, c/o sweats and shakes."),
    ("withdrawal", "Tried to stop on Friday and I'm aching all over."),
    ("abuse", "Those caps with a bottle of vodka, what a night."),
    ("misuse", "I chew the slow-release tablets so they work faster."),
    ("misuse", "She puts the drops in every hour."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "The invoice is due in April.",
        "The reviews about you on that site are fake, someone copied your logo.",
        "Is there a birthday discount for loyalty members? My friend got one.",
        "Your email says my prescription is ready but I don't have a prescription with you.",
        "Our recycling bin is overdosed with your bubble wrap.",
        "My friend says the hologram is there to stop fakes.",
        "Black Friday fever got me, I ordered three.",
        "The security code on the pack comes back invalid on your website checker.",
    ],
)
def test_service_talk_holds_no_special_situation_but_a_failed_code_check_does(text: str) -> None:
    found = screen(text).special_situations
    if "security code" in text:
        assert "counterfeit" in found
    else:
        assert not found


@pytest.mark.parametrize(
    "text",
    [
        "There's a tiny hole under the cap, looks like a needle went through it.",
        "Someone's been at these capsules, one has grey powder instead of the white.",
        "The bungs on the vials were covered in needle marks.",
        "Voicemail demanding $20k or the pens on the shelves get something extra.",
        "Someone is opening the boxes on the shelf and putting them back.",
        "There was a ring of glue round the neck of the bottle.",
        "Las capsulas se nota que las abrieron y cerraron.",
    ],
)
def test_tampering_is_found(text: str) -> None:
    assert screen(text).tampering


def test_an_outer_carton_retaped_with_the_boxes_intact_is_no_tampering() -> None:
    text = "The courier re-taped the outer carton, but every box inside is intact and sealed."
    result = screen(text)
    assert not result.tampering and not result.product_complaint


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("labeling", "The fast and slow pens are the same grey with tiny print."),
        ("labeling", "The box says 5 mg but the bottles inside say 10 mg."),
        ("foreign_matter", "The lab grew the same organism from an unopened bottle."),
        ("packaging", "The pipette tips won't snap off."),
        ("packaging", "La caja vino sin el prospecto."),
        ("appearance", "El jarabe esta separado en dos capas."),
        ("quantity", "The 30-count pots have only 28 in them."),
    ],
)
def test_the_complaint_category_is_found(category: str, text: str) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "My tongue has gone black and furry since the mouthwash.",
        "Since the syrup he keeps bringing up his food.",
        "The glass in the jar cut the inside of my son's mouth.",
        "Mi nena con el jarabe esta re nerviosa y no duerme.",
    ],
)
def test_the_harm_is_found(text: str) -> None:
    assert screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "My mum can't get up to the first floor, the lift is broken.",
        "The box corner was crushed flat but everything inside is perfect.",
        "Mum had a stroke years ago, nothing to do with any product.",
        "What is the milk withdrawal period after the tube?",
    ],
)
def test_no_harm(text: str) -> None:
    assert not screen(text).adverse_event
