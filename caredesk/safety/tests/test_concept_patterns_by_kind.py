"""Special situations, complaints, tampering and seriousness found by CONCEPT (concepts.py,
concepts_quality.py): a person + an exposure, a product part + a defect, an amount beyond the
label. The wording here is deliberately none of the labelled sets' wording, and the negatives
are the ordinary customer-service or clinical sentences each concept must not catch."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Three weeks gone with our second and I used the cold sore cream.", "pregnancy"),
        ("Embryo transfer was on Monday and I took the allergy tablet.", "pregnancy"),
        ("The in-calf heifers had the pour-on yesterday.", "pregnancy"),
        ("I'm expressing milk for my daughter and had the migraine tablet.", "breastfeeding"),
        ("The piglets are suckling from the sow we injected.", "breastfeeding"),
        ("Took triple the dose on the box over the weekend.", "overdose"),
        ("She applies it every two hours instead of every eight.", "overdose"),
        ("I borrow my flatmate's inhaler before football.", "misuse"),
        ("I chop the patches in half so a box lasts twice as long.", "misuse"),
        ("He's been taking the antihistamines to trip at weekends.", "abuse"),
        ("She swallowed the pessary instead of inserting it.", "medication_error"),
        (
            "The drops from the cupboard were out of date by a year and I used them.",
            "medication_error",
        ),
        ("The cream might as well be water, the rash is exactly the same.", "lack_of_efficacy"),
        ("The foal caught rabies even though she'd had the vaccine.", "lack_of_efficacy"),
        ("Using the piles ointment on my eye bags every night.", "off_label_use"),
        ("The toddler got hold of nana's tablets and sucked on one.", "accidental_exposure"),
        ("Lab cultured serratia from the vial we used.", "infectious_agent"),
        (
            "The pharmacy assistant splashed the solution onto her wrist at work.",
            "occupational_exposure",
        ),
        ("Went off the steroids a week ago and feel dreadful, aching and dizzy.", "withdrawal"),
        (
            "The security code on the pack comes back invalid on your website checker.",
            "counterfeit",
        ),
    ],
)
def test_special_situation_by_concept(text, code):
    assert code in {str(s) for s in screen(text).special_situations}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The dropper bulb has perished and cracked.", "packaging"),
        ("The child-proof lid no longer clicks and lifts straight off.", "packaging"),
        ("Carton says 200 mg but the blister strip says 100 mg.", "labeling"),
        ("The print on the vials rubs off so I can't tell which is which.", "labeling"),
        ("There's a beetle stuck in one of the capsules.", "foreign_matter"),
        ("I pulled a thread out of the ointment.", "foreign_matter"),
        (
            "The lozenges have gone soft and sticky with a white bloom, totally misshapen.",
            "appearance",
        ),
        ("The concentrator keeps cutting out with a fault light.", "device_malfunction"),
        ("The dial on the pen jammed halfway.", "device_malfunction"),
        ("Only eight of the ten sachets were in the box.", "quantity"),
        ("The starter kit didn't come with any needles.", "quantity"),
    ],
)
def test_complaint_by_concept(text, category):
    result = screen(text)
    assert result.product_complaint is True
    assert category in result.complaint_categories


@pytest.mark.parametrize(
    "text",
    [
        "The neck film had been sliced and folded back under the cap.",
        "Somebody poked a pin through the softgels, each has a tiny hole.",
        "A caller threatened to put glass in your products at the supermarket.",
    ],
)
def test_tampering_by_concept(text):
    assert screen(text).tampering is True


@pytest.mark.parametrize(
    ("text", "criterion"),
    [
        (
            "After the tablets her sodium was dangerously low and she was kept in overnight.",
            "hospitalization",
        ),
        ("His airway closed up after the injection and he needed adrenaline.", "life_threatening"),
        ("She collapsed with a DVT in her calf a month into the pill.", "medically_important"),
    ],
)
def test_seriousness_by_concept(text, criterion):
    result = screen(text)
    assert result.adverse_event is True
    assert criterion in {str(s) for s in result.seriousness}


@pytest.mark.parametrize(
    "text",
    [
        "My address on the account is out of date, please update it.",
        "I was charged twice because the payment page froze.",
        "Is your delivery due date still Friday?",
        "The outer box was crushed in the post but the bottle was sealed and fine.",
        "Can I swap my order to the larger pack of 60?",
        "I'd like a photocopy of my invoice for my records.",
        "My name is misspelled on the account.",
        "The temperature in the warehouse is logged daily.",
        "The yellow fever jab appointment is next week, can I bring my card?",
        "The blood pressure monitor works perfectly, I just need a bigger cuff.",
    ],
)
def test_ordinary_messages_are_not_flagged(text):
    assert not screen(text).needs_review


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The queen was mated a fortnight ago and has had the wormer since.", "pregnancy"),
        (
            "I put the ear drops in my daughter's eye, the bottles look the same.",
            "medication_error",
        ),
        ("The nurse gave him 20 mL instead of 2 mL of the solution.", "overdose"),
        ("We've been using the cattle pour-on on the goats.", "off_label_use"),
        (
            "The locum vet stabbed his thumb with the needle while dosing the ewe.",
            "occupational_exposure",
        ),
        ("The lot on the box isn't in your system according to the pharmacist.", "counterfeit"),
    ],
)
def test_more_special_situation_concepts(text, code):
    assert code in {str(s) for s in screen(text).special_situations}


@pytest.mark.parametrize(
    "text",
    [
        "Please tell me the withdrawal period for milk.",
        "We use the dog shampoo on our dog every month.",
    ],
)
def test_labelled_use_and_animal_withdrawal_periods_are_not_flagged(text):
    assert not screen(text).needs_review


def test_off_colour_is_an_unwell_animal_not_a_discoloured_product():
    result = screen("Our cat has been off colour and not grooming since the spot-on.")
    assert result.adverse_event is True
    assert result.product_complaint is False
