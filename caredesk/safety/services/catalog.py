"""The screener's view of a program: its products and lots, and the screener's version."""

from __future__ import annotations

import hashlib
import re
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.db.models.signals import post_delete, post_save

from caredesk.safety.screening import CatalogProduct, ProductCatalog
from caredesk.tenancy.models import Lot, Product, Program

SCREENING_DIR = Path(__file__).resolve().parent.parent / "screening"
_INGREDIENT_SPLIT = re.compile(r"\s*(?:[,;/+]|\band\b)\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def screener_version() -> str:
    """A digest of the screener's code and word lists: a stored result says what produced it."""
    digest = hashlib.sha256()
    for path in sorted(SCREENING_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt"}:
            digest.update(path.relative_to(SCREENING_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return "screen-" + digest.hexdigest()[:12]


# Every logged contact is screened against its program's catalog; reading it costs two queries
# and building its lexicon a few milliseconds, for data that changes a few times a year. So each
# process keeps the built catalog per program, dropped whenever a product, lot or program is
# saved or deleted here (signals), and after CATALOG_TTL_SECONDS at the latest, for changes
# made by another process or by bulk writes that send no signals. A catalog is immutable once
# built, so threads may share it.
CATALOG_TTL_SECONDS = 30.0
_catalogs: dict[int, tuple[float, ProductCatalog]] = {}


def program_catalog(program_id: int) -> ProductCatalog:
    """The program's catalog for the screener, from the per-process cache when fresh."""
    now = time.monotonic()
    cached = _catalogs.get(program_id)
    if cached is not None and cached[0] > now:
        return cached[1]
    catalog = load_program_catalog(program_id)
    _catalogs[program_id] = (now + CATALOG_TTL_SECONDS, catalog)
    return catalog


def forget_catalogs(**_kwargs: Any) -> None:
    """Drop every cached catalog (a signal receiver; also for tests)."""
    _catalogs.clear()


for _model in (Product, Lot, Program):
    post_save.connect(forget_catalogs, sender=_model, dispatch_uid=f"catalog-save-{_model}")
    post_delete.connect(forget_catalogs, sender=_model, dispatch_uid=f"catalog-del-{_model}")


def load_program_catalog(program_id: int) -> ProductCatalog:
    """The program's products (names, strengths, active ingredients) and known lot numbers."""
    lots: dict[int, list[str]] = {}
    for product_id, number in Lot.objects.filter(product__program_id=program_id).values_list(
        "product_id", "number"
    ):
        lots.setdefault(product_id, []).append(number)
    products = []
    for product in Product.objects.filter(program_id=program_id).order_by("pk"):
        aliases = tuple(
            a for a in _INGREDIENT_SPLIT.split(product.active_ingredients or "") if a.strip()
        )
        products.append(
            CatalogProduct(
                name=product.name,
                strengths=(product.strength,) if product.strength else (),
                aliases=aliases,
                lots=tuple(lots.get(product.pk, [])),
            )
        )
    return ProductCatalog(products)


def resolve_product(program_id: int, names: list[str]) -> Product | None:
    """The first catalog product among the names the screener linked."""
    for name in names:
        product = Product.objects.filter(program_id=program_id, name__iexact=name).first()
        if product is not None:
            return product
    return None


def resolve_lot(program_id: int, numbers: list[str], product: Product | None) -> Lot | None:
    """The first known lot among the numbers mentioned (of `product` when one is known)."""
    qs = Lot.objects.filter(product__program_id=program_id).select_related("product")
    if product is not None:
        qs = qs.filter(product=product)
    for number in numbers:
        lot = qs.filter(number__iexact=number).first()
        if lot is not None:
            return lot
    return None
