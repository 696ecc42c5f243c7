"""Special situations found missing by the lead's own probes (2026-12-05): a medicine shared
with friends is misuse; one taken that was meant for someone else, one stored in the heat and
then used, and one given despite a stated allergy are medication errors. Service talk with the
same words (a shared discount code, a refund) is nothing."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "School nurse: a pupil brought in his mum's sleeping tablets and shared them at lunch.",
            "misuse",
        ),
        ("He shared his mum's painkillers with his mates.", "misuse"),
        ("Took the tablet that was meant for my husband.", "medication_error"),
        ("Kept the insulin in the car in the heat and then used it.", "medication_error"),
        (
            "I was given the vaccine even though I told them I'm allergic to eggs.",
            "medication_error",
        ),
    ],
)
def test_the_situation_is_found(text: str, code: str) -> None:
    assert code in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "I shared the discount code with my friends.",
        "I was given a refund even though I'm not allergic.",
        "I left my card in the car, can you call me later?",
    ],
)
def test_service_talk_is_no_special_situation(text: str) -> None:
    assert not screen(text).special_situations
