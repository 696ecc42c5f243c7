"""Linking mentions to a program's own products and lots, and to generic drug names.

The screener has no database access: the caller passes a `ProductCatalog` (built from the
program's Product and Lot rows by the safety services once those exist) or registers one per
program code with `register_catalog`, which `screen(text, program=...)` then looks up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from caredesk.safety.screening.lexicon import Lexicon
from caredesk.safety.screening.result import Mention
from caredesk.safety.screening.text import tokens

GENERICS_FILES = (
    Path(__file__).with_name("data") / "generics.txt",
    Path(__file__).with_name("data") / "drugs.txt",
)
# A lot/batch number written after its keyword: "lot 4KX21", "Lot#: AB-1234", "lote 22B07".
LOT_AFTER_KEYWORD = re.compile(
    r"(?<![\w])(?:lot|batch|lote|serial|sn|s/n)\s*(?:number|no\.?|num\.?|#|n[º°o]\.?|code)?"
    r"\s*[:#]?\s*([a-z0-9][a-z0-9-]{2,19})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CatalogProduct:
    """One product of a program: its name, other names it goes by, and its lot numbering."""

    name: str
    strengths: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # brand spellings, active ingredients, nicknames
    lot_pattern: str | None = None  # a regex for this product's lot numbers, e.g. r"[A-Z]{2}\d{4}"
    lots: tuple[str, ...] = ()  # known lot numbers (exact, case-insensitive)


@dataclass
class ProductCatalog:
    products: list[CatalogProduct] = field(default_factory=list)

    def __post_init__(self) -> None:
        names: dict[str, str] = {}
        for product in self.products:
            for alias in (product.name, *product.aliases):
                names[alias] = product.name
        self._canonical = names
        self._lexicon = Lexicon(list(names))
        self._lot_rx = [
            (re.compile(r"(?<![\w-])(" + p.lot_pattern + r")(?![\w-])", re.IGNORECASE), p)
            for p in self.products
            if p.lot_pattern
        ]
        self._known_lots = {lot.lower(): lot for p in self.products for lot in p.lots}

    def find_products(self, norm: str) -> list[Mention]:
        out = []
        for hit in self._lexicon.find(tokens(norm)):
            out.append(
                Mention("product", self._canonical.get(hit.term, hit.term), hit.start, hit.end)
            )
        return out

    def find_lots(self, text: str) -> list[Mention]:
        seen: set[tuple[int, int]] = set()
        out: list[Mention] = []
        for rx, _product in self._lot_rx:
            for m in rx.finditer(text):
                seen.add((m.start(1), m.end(1)))
                out.append(Mention("lot", m.group(1).upper(), m.start(1), m.end(1)))
        for m in LOT_AFTER_KEYWORD.finditer(text):
            span = (m.start(1), m.end(1))
            if span in seen or not any(c.isdigit() for c in m.group(1)):
                continue
            value = self._known_lots.get(m.group(1).lower(), m.group(1).upper())
            out.append(Mention("lot", value, *span))
        return out


_REGISTRY: dict[str, ProductCatalog] = {}


def register_catalog(program: str, catalog: ProductCatalog) -> None:
    """Make `catalog` the one `screen(text, program=program)` uses."""
    _REGISTRY[program] = catalog


def catalog_for(program: str | None) -> ProductCatalog | None:
    return _REGISTRY.get(program) if program else None


@lru_cache(maxsize=1)
def generic_lexicon() -> Lexicon:
    """Generic (INN/USAN) drug names, for linking mentions when no catalog names the product."""
    names: list[str] = []
    for path in GENERICS_FILES:
        if path.exists():
            lines = path.read_text(encoding="utf-8").splitlines()
            names.extend(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))
    return Lexicon(names)


def find_generics(norm: str) -> list[Mention]:
    return [
        Mention("generic", h.term, h.start, h.end) for h in generic_lexicon().find(tokens(norm))
    ]
