"""The value `screen()` returns: findings plus the evidence spans that justify each of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caredesk.safety.screening.codes import (
    CATEGORY_PRIORITY,
    ComplaintCategory,
    Seriousness,
    SpecialSituation,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A character span [start, end) of the input text and what it supports.

    `label` is `adverse_event`, `tampering`, `product_complaint`, a special-situation code
    (e.g. `overdose`), `complaint:<category>`, `seriousness:<criterion>`, `product` or `lot`.
    """

    start: int
    end: int
    label: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label}


@dataclass(frozen=True, slots=True)
class Mention:
    """A product, generic drug or lot named in the text (linked to the program's catalog)."""

    kind: str  # "product", "generic" or "lot"
    value: str  # the catalog's canonical name or the lot number as catalogued
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "start": self.start, "end": self.end}


@dataclass(slots=True)
class ScreeningResult:
    """Everything the screener found in one text. Empty lists mean "nothing found"."""

    adverse_event: bool = False
    special_situations: list[SpecialSituation] = field(default_factory=list)
    product_complaint: bool = False
    complaint_categories: list[ComplaintCategory] = field(default_factory=list)
    tampering: bool = False
    seriousness: list[Seriousness] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    products: list[Mention] = field(default_factory=list)
    lots: list[Mention] = field(default_factory=list)
    ae_score: float = 0.0

    @property
    def complaint_category(self) -> ComplaintCategory | None:
        """The one category the contract reports: the highest-priority one found."""
        for cat in CATEGORY_PRIORITY:
            if cat in self.complaint_categories:
                return cat
        return None

    @property
    def needs_review(self) -> bool:
        """True when a safety or quality specialist must look at the interaction."""
        return bool(
            self.adverse_event
            or self.special_situations
            or self.product_complaint
            or self.tampering
        )

    def to_json(self) -> dict[str, Any]:
        """The `caredesk triage` output fields (without the echoed id)."""
        return {
            "adverse_event": self.adverse_event,
            "special_situations": [str(s) for s in self.special_situations],
            "product_complaint": self.product_complaint,
            "complaint_category": str(cat) if (cat := self.complaint_category) else None,
            "tampering": self.tampering,
            "seriousness": [str(s) for s in self.seriousness],
            "evidence": [e.to_json() for e in self.evidence],
            "products": [m.to_json() for m in self.products],
            "lots": [m.to_json() for m in self.lots],
            "ae_score": round(self.ae_score, 4),
        }
