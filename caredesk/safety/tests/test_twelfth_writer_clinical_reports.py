"""Special situations as clinicians, pharmacists, carers, vets and medics report them, from the
twelfth independent writer's batch (eval/contact_center/train_22.txt); in our own words, with
look-alikes."""

import pytest

from caredesk.safety.screening import screen

SITUATIONS = [
    ("off_label_use", "We are using it off licence in a child of six."),
    ("off_label_use", "The rabbit is treated with the dog product under the cascade."),
    ("off_label_use", "Prescribed for tinnitus, which I know is not a licensed indication."),
    ("off_label_use", "It isn't registered for goats but the vet used it on two."),
    ("off_label_use", "El neurólogo lo indicó fuera de ficha técnica."),
    (
        "medication_error",
        "When the chart was rewritten both the 08:00 and 20:00 boxes were signed.",
    ),
    ("medication_error", "The locum handed it to a man whose prescription was for prednisolone."),
    ("medication_error", "The evening tablets were given to the lady in room 9."),
    ("medication_error", "She drew it up thinking it was saline."),
    ("medication_error", "The two ampoules are the same size and colour."),
    ("medication_error", "He has been keeping the insulin pen in the freezer."),
    ("medication_error", "The supply nurse gave the dose three hours early."),
    ("medication_error", "His son was crushing the modified-release tablets into jam."),
    ("medication_error", "The owner bought the wrong pack of tablets for the dog's weight."),
    ("overdose", "Intentional ingestion of about 40 x 500 mg tablets."),
    ("overdose", "An hour later he forgot and took another one."),
    ("overdose", "The toddler drank about 50 ml of the syrup."),
    ("abuse", "He was getting tablets from three different GPs."),
    ("abuse", "She admitted dissolving and injecting the tablets."),
    ("abuse", "A prisoner was found hoarding capsules in his cheek."),
    ("misuse", "The groom used the horse gel on herself for her back."),
    ("misuse", "He borrowed a teammate's inhaler before every match."),
    ("lack_of_efficacy", "All four dogs had live fleas three weeks after the chew."),
    (
        "lack_of_efficacy",
        "She has had the implant since 2023 and now has a positive pregnancy test.",
    ),
    ("withdrawal", "He ran out of his pregabalin on Friday and by Sunday was sweaty and restless."),
    ("occupational_exposure", "The instructor discharged the live pen into his own thumb."),
    (
        "accidental_exposure",
        "The toddler was found holding a blister strip with two pockets empty.",
    ),
    ("accidental_exposure", "The cat slept curled up against the dog after the spot-on."),
    ("infectious_agent", "The culture grew Serratia from the treated quarters."),
    ("pregnancy", "I did a test this morning and it's showing two lines."),
    ("misuse", "He used the gel four times a day because he thought more would clear it faster."),
    ("withdrawal", "I stopped the sleep tablets last week and have not slept more than two hours."),
    ("medication_error", "I used the pipettes for dogs (the 10-25 kg ones) on our cat."),
]


@pytest.mark.parametrize(("code", "text"), SITUATIONS)
def test_the_special_situation_is_found(code: str, text: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("off_label_use", "Is it licensed for children under six?"),
        ("medication_error", "Can the pen be stored in the fridge door?"),
        ("abuse", "We have branches in three different towns."),
        ("overdose", "The leaflet says up to 8 tablets a day."),
    ],
)
def test_look_alikes_hold_no_special_situation(code: str, text: str) -> None:
    assert code not in screen(text).special_situations
