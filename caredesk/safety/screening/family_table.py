"""The table the special-situation family modules fill: pattern strings per code, added one
family at a time (concepts_families_lay.py merges them into the screener's table)."""

from __future__ import annotations

from caredesk.safety.screening.codes import SpecialSituation


class FamilyTable(dict[SpecialSituation, list[str]]):
    """Pattern strings per special-situation code."""

    def add(self, code: SpecialSituation, pattern: str) -> None:
        """One more family for `code` (a plain pattern string on normalised text)."""
        self.setdefault(code, []).append(pattern)
