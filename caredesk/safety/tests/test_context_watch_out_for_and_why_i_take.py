"""Two scopes found missing by the lead's own probes (2026-12-05): what a doctor says to "watch
out for" is a warning, not a harm that happened; "headaches are why I take them" names the
reason for use."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "My doctor told me to watch out for dizziness.",
        "Keep an eye out for drowsiness, the pharmacist said.",
        "Headaches are why I take them, and they work.",
    ],
)
def test_no_adverse_event_is_reported(text: str) -> None:
    assert not screen(text).adverse_event


def test_a_harm_that_happened_is_still_found() -> None:
    assert screen("I watched out for dizziness but got a rash after the tablets.").adverse_event
