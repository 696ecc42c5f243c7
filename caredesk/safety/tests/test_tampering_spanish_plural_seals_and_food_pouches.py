"""Tampering wording found missing by the lead's own probes (2026-12-05): Spanish seals in the
plural and a carton closed again with tape ("los precintos estaban rotos y la caja pegada con
celo"), and something injected into fruit pouches (infant nutrition, not merchandise). A
shipping box taped up around intact tablets stays a logistics matter."""

import pytest

from caredesk.safety.screening import screen


@pytest.mark.parametrize(
    "text",
    [
        "Los precintos estaban rotos y la caja pegada con celo.",
        "Los precintos estaban rotos.",
        "I think someone has injected something into the fruit pouches.",
    ],
)
def test_suspected_tampering_is_found(text: str) -> None:
    assert screen(text).tampering


@pytest.mark.parametrize(
    "text",
    [
        "La caja del pedido venía pegada con celo pero las pastillas bien.",
        "I ordered the fruit pouches for my baby, when will they arrive?",
    ],
)
def test_logistics_and_orders_are_not_tampering(text: str) -> None:
    result = screen(text)
    assert not result.tampering
    assert not result.product_complaint
