"""Okapi BM25 over a handful to a few thousand short documents, in plain Python.

Why our own: no search server and no model download at run time, and a program's approved
articles fit in memory many times over; scikit-learn is not in the runtime lock.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

K1 = 1.2
B = 0.75


@dataclass
class Bm25Index:
    """Term statistics of a fixed collection; `score` ranks documents for a query."""

    docs: list[Counter[str]] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    doc_freq: Counter[str] = field(default_factory=Counter)
    avg_length: float = 0.0

    @classmethod
    def build(cls, documents: Sequence[Sequence[str]]) -> Bm25Index:
        index = cls()
        for tokens in documents:
            counts = Counter(tokens)
            index.docs.append(counts)
            index.lengths.append(len(tokens))
            index.doc_freq.update(counts.keys())
        index.avg_length = (sum(index.lengths) / len(index.lengths)) if index.lengths else 0.0
        return index

    def idf(self, term: str) -> float:
        """BM25+ style non-negative idf: a term in every document still counts a little."""
        n = len(self.docs)
        df = self.doc_freq.get(term, 0)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def score_counts(self, query: Sequence[str], counts: Counter[str], length: int) -> float:
        if not self.avg_length:
            return 0.0
        total = 0.0
        norm = K1 * (1.0 - B + B * length / self.avg_length)
        for term in set(query):
            tf = counts.get(term, 0)
            if tf:
                total += self.idf(term) * tf * (K1 + 1.0) / (tf + norm)
        return total

    def scores(self, query: Sequence[str]) -> list[float]:
        return [
            self.score_counts(query, counts, length)
            for counts, length in zip(self.docs, self.lengths, strict=True)
        ]
