"""Special-situation families drawn from the sixth independent writer's batch
(eval/contact_center/train_17.txt: US Midwest, New Zealand, Singapore, Jamaican, Kenyan and
Indian English; Venezuelan, Uruguayan and Spain Spanish), written here in our own words."""

import pytest

from caredesk.safety.screening import screen

SITUATIONS = [
    ("pregnancy", "She's been on the chews all winter and the baby's due in June."),
    ("pregnancy", "Tomo las pastillas del mareo y hay un bebe en camino."),
    ("overdose", "States she swallowed approx 20 x 500 mg last night."),
    ("overdose", "He takes 1 g every 2 hours for the toothache."),
    ("overdose", "He drinks the cough syrup two bottles at a time."),
    ("misuse", "She puts the contact lens solution straight into her eyes."),
    ("misuse", "He used the foot fungal spray on his face."),
    ("misuse", "She sprays the horse fly repellent on her lab."),
    ("lack_of_efficacy", "The faecal egg counts came back higher than before."),
    ("off_label_use", "The doctor gave my 5 year old the adult tablet cut in half."),
    ("accidental_exposure", "El nino penso que eran caramelos y se comio seis."),
    ("accidental_exposure", "He grabbed a classmate's gummy off the desk and ate it."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "Our baby's due date gift list is on your website, thank you.",
        "The invoice is due in July.",
        "We sell two bottles at a time in the multibuy.",
    ],
)
def test_no_special_situation(text: str) -> None:
    assert not screen(text).special_situations
