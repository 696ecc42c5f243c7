"""Programs, products and lots through the REST API: each user sees their programs only."""

from __future__ import annotations

from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient


def test_programs_lists_only_the_callers_programs(world):
    items = ApiClient(world.agent_a).get("/programs").json()["items"]
    assert [p["code"] for p in items] == ["relief-us"]


def test_products_and_lots_are_listed_and_fetched(world):
    f.LotFactory(product=world.product_b, number="GT-B-1")
    api = ApiClient(world.agent_a)
    products = api.get("/products").json()
    assert [p["name"] for p in products["items"]] == ["Relievium"]
    assert api.get(f"/products/{world.product_a.pk}").json()["product_type"] == "otc_drug"
    lots = api.get("/lots", product=world.product_a.pk).json()
    assert [lot["number"] for lot in lots["items"]] == ["RLV2401A"]
    assert api.get(f"/lots/{world.lot_a.pk}").json()["product_id"] == world.product_a.pk
    assert api.get("/lots").json()["count"] == 1


def test_another_programs_product_is_not_found(world):
    api = ApiClient(world.agent_a)
    assert api.get(f"/products/{world.product_b.pk}").status_code == 404
    assert api.get("/products", program=world.program_b.pk).json()["items"] == []
