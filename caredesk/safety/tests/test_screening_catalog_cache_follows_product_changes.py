"""The screener's per-program catalog is cached, but a product or lot change is seen at once."""

from __future__ import annotations

import pytest

from caredesk.safety.screening import screen
from caredesk.safety.services import catalog as catalog_service
from caredesk.safety.services.catalog import program_catalog
from caredesk.tenancy.models import Product
from caredesk.testing import factories as f


def _products(program_id: int, text: str) -> set[str]:
    return {m.value for m in screen(text, catalog=program_catalog(program_id)).products}


def _known_lots(program_id: int) -> set[str]:
    return {lot for product in program_catalog(program_id).products for lot in product.lots}


@pytest.fixture(autouse=True)
def _empty_cache():
    catalog_service.forget_catalogs()
    yield
    catalog_service.forget_catalogs()


def test_the_catalog_is_read_once_while_nothing_changes(world, django_assert_num_queries):
    program_catalog(world.program_a.pk)
    with django_assert_num_queries(0):
        assert "Relievium" in _products(world.program_a.pk, "Relievium gave me a rash")


def test_a_new_product_and_lot_are_screened_for_at_once(world):
    assert _products(world.program_a.pk, "Zanthorex gave me a rash") == set()
    product = f.ProductFactory(program=world.program_a, name="Zanthorex")
    assert "Zanthorex" in _products(world.program_a.pk, "Zanthorex gave me a rash")
    f.LotFactory(product=product, number="ZX9900B")
    assert "ZX9900B" in _known_lots(world.program_a.pk)


def test_a_renamed_or_deleted_product_is_no_longer_screened_for(world):
    product = f.ProductFactory(program=world.program_a, name="Zanthorex")
    assert "Zanthorex" in _products(world.program_a.pk, "Zanthorex gave me a rash")
    product.name = "Quellorin"
    product.save()
    assert _products(world.program_a.pk, "Zanthorex gave me a rash") == set()
    product.delete()
    assert _products(world.program_a.pk, "Quellorin gave me a rash") == set()


def test_a_change_without_signals_is_seen_after_the_ttl(world, monkeypatch):
    """Bulk updates (and other processes' changes) send no signal here: the TTL bounds them."""
    program_catalog(world.program_a.pk)
    Product.objects.filter(pk=world.product_a.pk).update(name="Quellorin")
    assert "Relievium" in _products(world.program_a.pk, "Relievium gave me a rash")
    later = catalog_service.time.monotonic() + catalog_service.CATALOG_TTL_SECONDS + 1
    monkeypatch.setattr(catalog_service.time, "monotonic", lambda: later)
    assert "Quellorin" in _products(world.program_a.pk, "Quellorin gave me a rash")
