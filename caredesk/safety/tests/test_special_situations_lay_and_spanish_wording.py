"""Lay and Spanish wording of special situations (concepts_families_lay.py), from the lead's
probe sentences of 2026-12-05 (second session, three rounds), each with a look-alike that is
none."""

import pytest

from caredesk.safety.screening import screen

CASES = [
    ("breastfeeding", "She expresses milk for her son and has been on the patch since Monday."),
    ("breastfeeding", "I'm pumping breast milk for the twins and used the cold sore cream."),
    ("overdose", "I took the morning dose, then forgot and took it again at lunch."),
    ("overdose", "The dog wolfed down the whole tub of chewable wormers."),
    ("lack_of_efficacy", "My sugars are no lower after a month on the new tablets."),
    ("lack_of_efficacy", "El antiacido no me hace ningun efecto."),
    ("accidental_exposure", "Mi hijo chupo el parche de nicotina que estaba en el suelo."),
    ("counterfeit", "Las cajas tienen faltas de ortografia, creo que son falsas."),
    ("pregnancy", "She didn't know she was expecting and used the nit lotion on herself."),
    ("overdose", "He had 12 paracetamol over the day for his tooth."),
    ("overdose", "He takes 4 of the sleep aids at once because 1 doesn't work anymore."),
    ("medication_error", "My mum has been taking the patch orally, she thought it was a sweet."),
    ("medication_error", "Me dieron un medicamento con el nombre de otra persona."),
    ("lack_of_efficacy", "My hay fever is worse than ever even with the tablets every day."),
    ("lack_of_efficacy", "After a whole course of the antibiotic the infection hasn't cleared."),
    ("withdrawal", "Ran out of my gabapentin for 3 days and felt awful, sweating and shaking."),
    ("counterfeit", "These aren't your tablets, someone is selling fakes on the market."),
    ("breastfeeding", "Still giving her the boob at night and I took two of the sleep aids."),
    ("breastfeeding", "She feeds our 3 month old herself and has been on the iron tablets."),
    ("overdose", "He took the whole week's tablets in one go."),
    ("overdose", "I gave him his flea tablet and then my wife gave him another one."),
    ("medication_error", "I used the vaccine vial that had been left out of the fridge."),
    ("medication_error", "Swapped the eye drops with the ear drops in the dark."),
    ("medication_error", "Took my husband's water tablet instead of my vitamin."),
    ("lack_of_efficacy", "Four nights on the sleep aid and I'm still awake till 4."),
    ("lack_of_efficacy", "Las gotas no le han servido de nada."),
    ("abuse", "Found a stash of crushed painkillers and a rolled-up note in his room."),
    ("off_label_use", "The vet said to give the rabbit half of the cat tablet."),
    ("accidental_exposure", "While spraying the ewes I got a mouthful of the drench."),
]


@pytest.mark.parametrize(("code", "text"), CASES)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "Do you sell breast pumps and milk storage bags?",
        "I forgot my password and had to reset it again.",
        "I ordered a whole box of plasters for the office.",
        "Are the readings on the new meter in mmol or mg?",
        "Las cajas llegaron bien, gracias.",
        "I ordered two boxes instead of one, please cancel the extra.",
        "I want to return the double pack I bought by mistake.",
        "I was expecting the parcel on Monday.",
        "I ran out of my tablets and had to order more.",
        "I ran out of the cream and was told to wait a week for stock.",
        "Our shop sold 12 boxes over the day.",
        "Four days on the waiting list and still no reply.",
        "I swapped the blue bag for the red one.",
        "Give the dog a chew after the walk.",
    ],
)
def test_no_special_situation(text: str) -> None:
    assert not screen(text).special_situations
