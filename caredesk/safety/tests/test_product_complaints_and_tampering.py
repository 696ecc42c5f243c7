"""Quality complaints get a category; tampering is flagged; logistics problems are not PQCs."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The bottle arrived cracked and leaking.", "packaging"),
        ("The label is smudged and I can't read the expiry date.", "labeling"),
        ("There was a hair inside one of the capsules.", "foreign_matter"),
        ("The tablets smell like vinegar and look discolored.", "appearance"),
        ("My glucose meter keeps showing error E-5 and won't turn on.", "device_malfunction"),
        ("The bottle says 60 but there were only 48 tablets.", "quantity"),
        ("These look like counterfeit pills.", "counterfeit"),
        ("La etiqueta está equivocada.", "labeling"),
    ],
)
def test_complaint_category(text, category):
    result = screen(text)
    assert result.product_complaint is True
    assert result.complaint_category == category


@pytest.mark.parametrize(
    "text",
    [
        "The safety seal was broken when I opened it.",
        "Someone had opened the box and the pills inside are different.",
        "El precinto estaba roto.",
    ],
)
def test_tampering(text):
    result = screen(text)
    assert result.tampering is True
    assert result.product_complaint is True


@pytest.mark.parametrize(
    "text",
    [
        "The delivery box was crushed but the product was intact.",
        "My order hasn't arrived yet, can you check the tracking?",
        "I was charged twice, please refund me.",
        "The shipping box was damaged in transit but the bottles are fine.",
    ],
)
def test_logistics_is_not_a_product_complaint(text):
    result = screen(text)
    assert result.product_complaint is False
    assert result.tampering is False
