"""Special-situation, complaint and tampering families drawn from the registers of two
independent writers' batches (eval/contact_center/train_18.txt: agent shorthand, voicemail
transcripts, non-native English, Caribbean and River Plate Spanish; train_19.txt: devices and
farms), and customer-service figures of speech (eval/customer_service/train_cs_9.txt). Written
here in our own words, with look-alikes."""

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.screening.codes import ComplaintCategory as C

SITUATIONS = [
    ("accidental_exposure", "The puppy got into grandad's blood pressure tablets."),
    ("accidental_exposure", "Mi nieto se comió dos pastillas de mi abuela."),
    ("accidental_exposure", "We found my nan's pain patch stuck to the baby's leg."),
    ("overdose", "Dad forgot he'd already taken his water tablet and took another."),
    ("overdose", "Mi papá no se acordaba y se tomó otra pastilla."),
    ("overdose", "She takes five gummies at once every night."),
    ("overdose", "The lamb was given the adult cow's dose by mistake; dosis de vaca adulta."),
    ("overdose", "The bolus was delivered twice when the pump restarted."),
    ("medication_error", "I gave the syrup with a kitchen spoon instead of the syringe."),
    ("medication_error", "Le puse las gotas en el oído en vez de en el ojo."),
    ("medication_error", "Turns out we've been doing it wrong for a month."),
    ("medication_error", "The pill box was filled wrongly by the agency carer."),
    ("medication_error", "He grabbed the quick-acting pen instead of the long one."),
    ("medication_error", "The nurse typed 8 units instead of 0.8 units."),
    ("lack_of_efficacy", "Used it for a week y nada, es como echarse agua."),
    ("lack_of_efficacy", "I've never missed a pill and I've just found out I'm pregnant."),
    ("lack_of_efficacy", "Vaccinated twice and he came down with measles anyway."),
    ("lack_of_efficacy", "Six weeks of the joint tablets and my hips are no better at all."),
    ("lack_of_efficacy", "The ewes are still full of lice a month after the pour-on."),
    ("lack_of_efficacy", "Mi perro sigue lleno de pulgas con el collar puesto."),
    ("withdrawal", "I stop the sleeping tablets last week and now I have the shakes."),
    ("withdrawal", "Since I quit the antidepressant I get brain zaps all day."),
    ("misuse", "My uncle spreads the horse wormer paste on his toast."),
    ("misuse", "I keep reusing the single-use lancets to save money."),
    ("abuse", "He takes the travel pills at night to feel floaty."),
    ("off_label_use", "The leaflet only mentions adults but the GP gave it to my 12-year-old."),
    ("off_label_use", "A friend said the dog's flea spot-on would work on our ferret."),
    ("occupational_exposure", "Vet nurse here, the spray bounced back into my face."),
    ("occupational_exposure", "The heifer moved and I shot the vaccine into my own thumb."),
    ("counterfeit", "Esto es trucho, el prospecto es una fotocopia."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("overdose", "Five of us in the house take the gummies every night."),
        ("medication_error", "Can I use a kitchen spoon if I lost the measuring cup?"),
        ("lack_of_efficacy", "The delivery was no faster than last time."),
        ("misuse", "Can the single-use pens be recycled?"),
    ],
)
def test_look_alikes_hold_no_special_situation(code: str, text: str) -> None:
    assert code not in screen(text).special_situations


COMPLAINTS = [
    (C.DEVICE_MALFUNCTION, "the meter keeps showing e four every time i put a strip in"),
    (C.QUANTITY, "La caja dice 30 y vinieron 24."),
    (C.APPEARANCE, "These capsules are brown, the old ones were white."),
    (C.PACKAGING, "The child-proof cap isn't working, it just spins round and round."),
    (C.LABELING, "The carton says 250 mg but the blister inside says 500 mg."),
]


@pytest.mark.parametrize(("category", "text"), COMPLAINTS)
def test_the_complaint_is_found(category: C, text: str) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "A customer's note said: I'll mix up the boxes on the shelf so no one knows.",
        "Amenazó con meter agujas en los frascos del súper.",
        "We received a letter saying your tablets will be interfered with.",
        "A sewing needle was pushed into one of the capsules.",
        "The bottle contained small round pills, whereas yours are long and yellow.",
    ],
)
def test_tampering_is_found(text: str) -> None:
    assert screen(text).tampering


@pytest.mark.parametrize(
    "text",
    [
        "We'd love to interview your founder for our newsletter.",
        "Your new packaging is so sick! Love it.",
        "Filling in the returns form online was really painful.",
        "Our marketing budget overdosed this quarter.",
        "Do you still sell the back-pain relief patches in the 10 pack?",
        "I have hay fever so I buy your eye drops every May.",
        "Tengo alergia y cada primavera compro su spray.",
        "I keep buying the joint gel because of my knees, is there a bigger size?",
        "La aplicación se cuelga cuando intento pagar con Bizum.",
        "My order arrived incomplete, one box is missing from the parcel.",
        "The fibre supplement keeps coming on the wrong day of the week.",
    ],
)
def test_customer_service_talk_is_not_flagged(text: str) -> None:
    assert not screen(text).needs_review, screen(text)


def test_a_horse_that_foundered_is_still_a_harm() -> None:
    assert screen(
        "After the wormer our pony showed signs of founder in both front feet."
    ).adverse_event
