"""Special-situation, harm and customer-service families drawn from the second, independent
writer's training batches (eval/contact_center/train_13.txt, eval/customer_service/
train_cs_4.txt), written here in our own words, with look-alikes."""

import pytest

from caredesk.safety.screening import screen

SITUATIONS = [
    ("medication_error", "The nurse gave Mr Hill's tablets to the man in the next bed."),
    ("medication_error", "The wrong bag was handed over at the counter."),
    ("medication_error", "I used the cream from a box that looks just like my wife's."),
    ("accidental_exposure", "My grandson ate some of my iron tablets thinking they were sweets."),
    ("pregnancy", "I'm 18 weeks and I used the cold sore cream."),
    ("overdose", "She took 7 sleeping tablets last night."),
    ("overdose", "I took a second dose of the weekly vitamin D on the same day."),
    ("overdose", "Me tome tres sobres de paracetamol en cuatro horas."),
    ("overdose", "Mi madre se ha tomado dos veces la pastilla esta manana."),
    ("misuse", "I've used the decongestant spray every day for six months."),
    ("misuse", "He takes the sleep aid every night for 3 months though the box says two weeks."),
    ("withdrawal", "I stopped the nasal spray last week and my nose is totally blocked."),
    ("lack_of_efficacy", "El antiparasitario no ha hecho nada."),
    ("counterfeit", "I bought pens online claiming to be your brand."),
    ("infectious_agent", "The lab cultured pseudomonas from the eye drops."),
    ("off_label_use", "My doctor said to use the eczema cream on my psoriasis."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "I'm 18 weeks into the course and feel fine.",
        "I take 5 tablets a day as prescribed.",
        "The gift card doesn't work in the shop.",
        "Mi tarjeta regalo no funciona.",
    ],
)
def test_no_special_situation(text: str) -> None:
    assert not screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "Since the new tablets he's been seeing spiders on the walls.",
        "Since the nasal spray I haven't slept more than three hours a night.",
        "I've lost a stone without trying since starting them.",
        "The plasters pulled the skin off my heel.",
        "I bit on a bit of metal in the chewable and cracked my tooth.",
        "Customer: the gel makes me itch so much I scratched till it bled Agent: Which gel?",
        "Mi hija tiene la piel en carne viva desde la crema.",
        "La pastilla me dejo la vision borrosa.",
        "Since the wormer the hens have been laying soft-shelled eggs.",
    ],
)
def test_the_harm_is_found(text: str) -> None:
    assert screen(text).adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "Please send samples of the wound dressing range for our nurses.",
        "Our infection control lead asked for the safety data sheet.",
        "My uncle is blind, do you print the packs in Braille?",
        "I nearly passed out when I saw the queue at the counter.",
        "I'm writing about the repeated failure of your couriers to deliver.",
        "The capsules have gone cloudy and some are dented and flat.",
        "The teething gel has turned from clear to a yellowish colour.",
        "I get cold sores when I'm run down, which is why I keep your cream in my bag.",
        "The vet diagnosed my horse with sweet itch, so we're buying the fly rug.",
        "I expected a reaction to the jab but nothing at all.",
        "The hay fever drops do nothing. My eyes are as itchy as ever.",
        "He said people will get hurt unless his complaint is answered.",
    ],
)
def test_no_harm(text: str) -> None:
    assert not screen(text).adverse_event


def test_the_model_does_not_read_wording_the_rules_know_is_no_harm() -> None:
    from caredesk.safety.screening.engine import model_inputs

    ((read, _),) = model_inputs("I returned the heads because they were the wrong fitting.")
    assert "fitting" not in read and "returned the heads" in read
