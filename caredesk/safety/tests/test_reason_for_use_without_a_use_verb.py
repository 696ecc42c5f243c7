"""The reason for use said without a use verb is not an adverse event (assertion.py): a symptom
that persists despite the product, one that made someone take more, a product named for a
symptom or put on one, and a condition dated before the product. A harm the product caused in
the same message still counts."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "Her psoriasis is just as bad as before after six weeks of the cream.",
        "The cough is still there even though I take the syrup three times a day.",
        "I gave him a second spoon because his temperature was still high.",
        "My GP has me on the blood pressure tablets for my migraines.",
        "I've been dabbing the antiseptic on my cold sores.",
        "She had a stroke back in 2015, before any of this.",
    ],
)
def test_the_symptom_is_the_reason_not_an_event(text):
    assert screen(text).adverse_event is False


@pytest.mark.parametrize(
    "text",
    [
        "The cream for my eczema gave me a rash.",
        "Her psoriasis is as bad as ever and now her skin is peeling from the cream.",
        "I keep getting cramps in my calves ever since I switched to your brand.",
        "Took the tablet for my migraine, then came out in hives.",
        "I stopped taking it because I gained so much weight.",
        "My gums keep bleeding, it started right after the blood thinner.",
    ],
)
def test_a_harm_the_product_caused_still_counts(text):
    assert screen(text).adverse_event is True
