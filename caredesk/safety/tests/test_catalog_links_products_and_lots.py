"""Mentions are linked to the program's products and lots, and to generic drug names."""

from caredesk.safety.screening import CatalogProduct, ProductCatalog, register_catalog, screen

CATALOG = ProductCatalog(
    [
        CatalogProduct(
            "Allerfree",
            strengths=("10 mg",),
            aliases=("allerfree 24h", "cetirizine"),
            lot_pattern=r"AF\d{5}",
        ),
        CatalogProduct("GlucoSure Meter", aliases=("glucosure",), lots=("GS-2024-7",)),
    ]
)


def test_product_alias_and_lot_pattern():
    text = "Allerfree 24h from lot AF12345 gave me a headache."
    result = screen(text, catalog=CATALOG)
    assert [m.value for m in result.products if m.kind == "product"] == ["Allerfree"]
    assert [m.value for m in result.lots] == ["AF12345"]
    assert text[result.lots[0].start : result.lots[0].end] == "AF12345"


def test_catalog_looked_up_by_program_code():
    register_catalog("TEST-PROG", CATALOG)
    result = screen("my glucosure lot # gs-2024-7 shows error", program="TEST-PROG")
    assert [m.value for m in result.products] == ["GlucoSure Meter"]
    assert [m.value for m in result.lots] == ["GS-2024-7"]


def test_generic_names_are_linked_without_a_catalog():
    result = screen("I took ibuprofen and acetaminophen together.")
    assert {m.value for m in result.products} == {"ibuprofen", "acetaminophen"}
