"""NegEx pseudo-negations and clause breaks on harm mentions: a negation word that does not deny
the harm ("not worth the side effects", "no wonder", "not happy about the weight gain", "never
had X before I started it") leaves it asserted, and a negation stops where a new clause states an
effect or a cause ("did not help and caused...", "no problems other than a headache", "due to
nausea"). Plain negations stay negations."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "Not worth the weight gain, I'm stopping it.",
        "No wonder I felt so sick all week.",
        "I'm not happy about the hair loss at all.",
        "I never had panic attacks before I started this pill.",
        "No one warned me about the tremor.",
        "It did not help my pain and gave me a rash.",
        "No problems other than a mild headache in the mornings.",
        "I couldn't sleep due to the itching.",
    ],
)
def test_the_harm_is_asserted(text):
    assert screen(text).adverse_event is True


@pytest.mark.parametrize(
    "text",
    [
        "No nausea, vomiting or dizziness since starting it.",
        "No rash or itching, other than that all fine.",
        "She has never had a seizure.",
        "I haven't had any headaches since starting the new dose.",
        "No side effects, just wanted to reorder.",
        "I did not get a rash, and it worked.",
    ],
)
def test_plain_negation_still_silences(text):
    assert screen(text).adverse_event is False
