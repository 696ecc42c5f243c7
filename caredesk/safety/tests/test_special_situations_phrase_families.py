"""Special-situation phrase families added from the third free-written batch's dev errors:
animal pregnancy, nursing mothers, counted overdoses and stated maxima, chewing or cutting
modified-release forms, taking someone else's medicine instead of one's own, contraceptive
failure, human products on animals, exposure to a pet product on the skin, abscesses at the
injection site, abrupt stops and running out, Spanish plurals of "fake"."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Our cow is in calf and got the pour-on yesterday.", "pregnancy"),
        ("La perra está preñada y le puse la pipeta.", "pregnancy"),
        ("Nursing mother, took a cough syrup at lunch.", "breastfeeding"),
        ("She swallowed about 12 of the chewables this afternoon.", "overdose"),
        ("I had 2400 mg, the maximum should be 1200 a day.", "overdose"),
        ("He cuts the slow-release tablets in four.", "misuse"),
        ("He took the allergy pills to get a buzz.", "misuse"),
        ("My uncle takes the cough medicine for the high.", "abuse"),
        ("I took my wife's tablet instead of my own last night.", "medication_error"),
        ("Put the horse spray on the cat by accident.", "medication_error"),
        ("She got pregnant while taking the pill every day.", "lack_of_efficacy"),
        ("The cream gave zero relief after a week.", "lack_of_efficacy"),
        ("I put the human ear drops in my cat's ears.", "off_label_use"),
        ("The canine wormer was given to our goats.", "off_label_use"),
        ("My toddler got into the kitchen drawer where the pills were.", "accidental_exposure"),
        ("Got some of the cat's flea spray on my face.", "accidental_exposure"),
        ("The vet said the lump is an abscess from the injection.", "infectious_agent"),
        ("I stopped the blood pressure pills suddenly and my head is pounding.", "withdrawal"),
        ("Since I ran out on Friday I have been sweating and shaking.", "withdrawal"),
        ("Creo que los parches son falsos.", "counterfeit"),
        ("The collars smell nothing like the genuine ones.", "counterfeit"),
    ],
)
def test_family_is_captured(text, code):
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "I take two tablets twice a day as directed.",
        "Can I use it while nursing?",
        "My tooth discoloration is why I bought the whitening kit.",
    ],
)
def test_ordinary_use_and_questions_raise_no_special_situation(text):
    assert screen(text).special_situations == []
