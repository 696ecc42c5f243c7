"""Negated harms are not adverse events; a harm after a contrast word still is."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "I have had no side effects at all.",
        "No nausea, vomiting or dizziness since starting it.",
        "Patient denies any rash or itching.",
        "pt denies N/V, no SOB.",
        "He didn't have any reaction to the shot.",
        "Sin efectos secundarios, todo bien.",
        "No he tenido ningún mareo.",
        "My dog has not vomited and is eating normally.",
    ],
)
def test_negated_harm_is_not_flagged(text):
    assert screen(text).adverse_event is False


@pytest.mark.parametrize(
    "text",
    [
        "No problems with the first box, but this one gave me a rash.",
        "I didn't notice anything until I got a terrible headache.",
        "My dog is not eating since the chew.",
        "I can't sleep since I started these.",
    ],
)
def test_harm_outside_the_negation_scope_is_flagged(text):
    assert screen(text).adverse_event is True
