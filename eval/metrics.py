"""Recall/precision counting for the evaluation report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @classmethod
    def of(cls, pairs: Iterable[tuple[bool | None, bool]]) -> Counts:
        c = cls()
        for gold, got in pairs:
            if gold and got:
                c.tp += 1
            elif gold:
                c.fn += 1
            elif got:
                c.fp += 1
            else:
                c.tn += 1
        return c

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def __str__(self) -> str:
        return (
            f"R={self.recall:.3f} P={self.precision:.3f} (tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def special_counts(pairs: list) -> Counts:
    """Micro-averaged over (item, code) pairs."""
    c = Counts()
    for item, result in pairs:
        gold = set(item.special_situations)
        got = {str(s) for s in result.special_situations}
        c.tp += len(gold & got)
        c.fn += len(gold - got)
        c.fp += len(got - gold)
    return c


def seriousness_counts(pairs: list) -> Counts:
    """Micro-averaged over (item, ICH criterion) pairs, for items labelled with seriousness."""
    c = Counts()
    for item, result in pairs:
        gold = set(item.seriousness or [])
        got = {str(s) for s in result.seriousness}
        c.tp += len(gold & got)
        c.fn += len(gold - got)
        c.fp += len(got - gold)
    return c
