"""A drop in production is how a farmer reports a harm in food animals (hens off lay, a milk
drop); laying a table is not one, and a cream that has "gone off" is still spoiled."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "The hens stopped laying after the treatment in their water.",
        "The hens have gone off lay since the wormer.",
        "Big milk drop in the herd after the pour-on.",
    ],
)
def test_a_production_loss_after_a_treatment_is_an_adverse_event(text: str) -> None:
    result = screen(text)
    assert result.adverse_event
    assert not result.product_complaint


def test_laying_a_table_is_no_harm() -> None:
    assert not screen("I stopped laying the table for breakfast.").adverse_event


def test_a_cream_gone_off_is_still_spoiled() -> None:
    assert screen("The cream has gone off, it smells rancid.").complaint_category == "appearance"
