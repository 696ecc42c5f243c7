"""Spanish wording found missing by the lead's own probes (2026-12-05): an odd smell of the
product ("un olor muy raro") is an appearance complaint; "me mareé" is dizziness; expired stock
sold or taken is a medication error. An expired coupon or a question about expiry is not."""

import pytest

from caredesk.safety.screening import screen


def test_an_odd_smell_is_an_appearance_complaint() -> None:
    result = screen("Las cápsulas tenían un olor muy raro.")
    assert result.complaint_category == "appearance"


def test_dizziness_as_a_verb_is_an_adverse_event() -> None:
    assert screen("Me mareé mucho al día siguiente de la vacuna.").adverse_event


@pytest.mark.parametrize(
    "text",
    [
        "Las tiras reactivas caducaron el mes pasado y me las vendieron igual.",
        "Me vendieron un jarabe caducado.",
    ],
)
def test_expired_stock_sold_is_a_medication_error(text: str) -> None:
    assert "medication_error" in screen(text).special_situations


@pytest.mark.parametrize(
    "text",
    [
        "¿Cuándo caducan las tiras que tengo en casa?",
        "Mi cupón caducó y no me dejaron usarlo.",
    ],
)
def test_expiry_talk_without_use_is_nothing(text: str) -> None:
    assert not screen(text).special_situations
