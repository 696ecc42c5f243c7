"""Families drawn from the fifth independent writer's batches (eval/contact_center/train_16.txt:
Scottish, Canadian, South African, Nigerian and Filipino English, Chilean and Peruvian Spanish;
eval/customer_service/train_cs_7.txt), written here in our own words, with look-alikes."""

import pytest

from caredesk.safety.screening import screen

SITUATIONS = [
    ("pregnancy", "Oh and I'm expecting, about twelve weeks, been on them all along."),
    ("pregnancy", "My girlfriend's test came up positive and I use the foam."),
    ("pregnancy", "Estoy de encargo y tome el jarabe."),
    ("overdose", "He doubled up, 4 instead of 2, and feels fine."),
    ("overdose", "The calf got 10 mL of the injectable instead of 1 mL."),
    ("overdose", "She lost count and may have taken them three times."),
    ("overdose", "Mi hija se tomo 10 pastillas del antialergico."),
    ("misuse", "He puts the eye drops in his nose for catarrh."),
    ("misuse", "Usa la crema de los caballos en las rodillas."),
    ("abuse", "She takes the sleep tabs with wine to get a buzz."),
    ("withdrawal", "When he tried stopping he got the shakes."),
    ("withdrawal", "Me quede sin las pastillas una semana y me subio la presion."),
    ("medication_error", "The two strengths were picked in error at the dispensary."),
    ("lack_of_efficacy", "The cream's done nothing for the bites."),
    ("lack_of_efficacy", "INR still low despite the warfarin at the usual dose."),
    ("off_label_use", "I am prescribing the ointment outside the SmPC for blepharitis."),
    ("accidental_exposure", "My nephew swallowed some of the goat wormer."),
    ("counterfeit", "The pills from the barber shop look like yours but the blister is cheap."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "The invoice shows VAT on the pregnancy vitamins, are they zero-rated?",
        "Please send destruction certificates for the expired stock we returned.",
        "My husband took the wrong bag home from your store.",
        "Compre por error dos cajas del jarabe, quiero devolver una.",
        "Can I change the delivery address? It is going to my old flat.",
        "The spreadsheet you sent has a bug in the price column.",
        "Our stock room is bleeding money with slow lines.",
        "We stock your pregnancy tests; the invoice was 20 boxes short.",
    ],
)
def test_nothing_is_found(text: str) -> None:
    result = screen(text)
    assert not result.needs_review and not result.special_situations


def test_a_blurred_label_is_a_labelling_complaint_not_blurred_vision() -> None:
    result = screen("La etiqueta esta tan borrosa que no se lee la dosis.")
    assert not result.adverse_event
