"""Findings mentioned in passing inside messages about something else, drawn from the fourth
independent writer's batches (eval/contact_center/train_15.txt, eval/customer_service/
train_cs_6.txt), written here in our own words, with look-alikes that are none."""

import pytest

from caredesk.safety.screening import screen

SITUATIONS = [
    ("pregnancy", "Please pause the hair tablets order, we found out on Friday we're expecting."),
    ("pregnancy", "Took two sachets before I knew I was preggers."),
    ("pregnancy", "We drenched the ewes and most are in lamb."),
    ("breastfeeding", "My 3-month-old is exclusively breastfed and I started the tablets."),
    ("breastfeeding", "A mother pumping for her baby has been drinking the herbal tea."),
    ("overdose", "He took 3 instead of 1 to get to sleep."),
    ("overdose", "Her son took about 15 of the paracetamol after a row."),
    ("medication_error", "We handed the drops to the wrong Mr Jones."),
    ("medication_error", "En la farmacia me dieron otro medicamento en vez del mio."),
    ("medication_error", "She's on weekly methotrexate but took it daily for two days."),
    ("misuse", "She uses the dog's eye drops in her own eyes."),
    ("misuse", "Se lo doy a mi hija en el coche para que duerma."),
    ("abuse", "He buys the linctus in four different pharmacies a day."),
    ("abuse", "A carer was found wearing a resident's patch."),
    ("lack_of_efficacy", "The spot-on hasn't touched them, still crawling with fleas."),
    ("accidental_exposure", "The goat ate half the tube of paste."),
    ("withdrawal", "After two days without I've got brain zaps."),
    ("counterfeit", 'He bought "your" gummies from a TikTok shop.'),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("packaging", "The child-lock cap just spins round and never locks."),
        ("packaging", "Every inner box has its end flap unglued and hanging open."),
        ("labeling", "The expiry on the label is 31/02/2027."),
        ("labeling", "The withdrawal period is missing from the label."),
        ("foreign_matter", "A bristle was stuck right into one of the chews."),
        ("appearance", "Las pastillas venian hechas polvo."),
        ("device_malfunction", 'The monitor shows "E3" and deflates halfway.'),
        ("device_malfunction", "The pen clicked but nothing came out."),
        ("quantity", "Each case holds 11 packs instead of 12."),
    ],
)
def test_the_complaint_category_is_found(category: str, text: str) -> None:
    assert category in screen(text).complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "Hola, el paquete llego bien. Eso si, el jarabe le dio diarrea a la nena.",
        "Where's my parcel? Also the spot-on left a bald scabby patch on my cat.",
        "Cancel my order, the probiotic made me break out in spots.",
        "She suggested another brand because your drops made my eyes sting.",
        "A reader says the powder made her heart race for hours.",
    ],
)
def test_the_harm_is_found(text: str) -> None:
    assert screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "Parking at your store is a nightmare on Saturdays.",
        "There's been a mix-up: I got charged for the 90 pack but ordered the 30.",
        "Your parcels keep going to the empty flat upstairs.",
        "The returns label you emailed is for the wrong courier.",
        "Our order only got half filled this month.",
        "The seal on my order box was broken by customs, everything is there.",
        "My wife is expecting in January, do you have a baby registry?",
        "I gave your store one star on Google by accident.",
    ],
)
def test_nothing_is_found(text: str) -> None:
    result = screen(text)
    assert not (result.needs_review or result.special_situations)
