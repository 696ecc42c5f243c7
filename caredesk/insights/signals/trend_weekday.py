"""Weekday factors for the trend engine: fewer reports reach a contact center at weekends.

A factor per product and weekday (mean 1 over the week) scales the expected count of a window
that is not a whole number of weeks. Only history before the guard band counts (the same cut as
the baselines, so nothing inside the window being judged shapes its own expectation). Each
product's factors are shrunk toward the factors of all products together, with the weight of
`prior_reports` reports, so a product with little history takes the common pattern.

Counts are folded in lazily: each product keeps its sorted list of new-reporter days and a cursor
that only moves forward as the cut moves forward, so a day costs O(new reports).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

_ALL = ""  # the pooled "product" of every product's reports


class _Counts:
    __slots__ = ("by_weekday", "cursor", "days")

    def __init__(self) -> None:
        self.days: list[int] = []
        self.cursor = 0
        self.by_weekday = [0] * 7

    def advance(self, cut: int) -> None:
        days, i = self.days, self.cursor
        while i < len(days) and days[i] < cut:
            self.by_weekday[dt.date.fromordinal(days[i]).weekday()] += 1
            i += 1
        self.cursor = i


def _weekday_span(start: int, stop: int) -> list[int]:
    """How many days of each weekday (Monday = 0) lie in [start, stop)."""
    n = max(stop - start, 0)
    spans = [n // 7] * 7
    first = dt.date.fromordinal(start).weekday() if n else 0
    for i in range(n % 7):
        spans[(first + i) % 7] += 1
    return spans


class WeekdayModel:
    """Per-product weekday factors from the history before `d - guard_days`."""

    def __init__(self, guard_days: int, prior_reports: float = 70.0) -> None:
        self.guard_days = guard_days
        self.prior_reports = prior_reports
        self._counts: dict[str, _Counts] = defaultdict(_Counts)
        self._first: dict[str, int] = {}
        self._cache: dict[str, list[float]] = {}
        self._cache_day = 0

    def add(self, product: str, d: int) -> None:
        """One new distinct reporter of `product` on day `d` (days arrive in order)."""
        for name in (product, _ALL):
            self._first.setdefault(name, d)
            self._counts[name].days.append(d)

    def factors(self, product: str, d: int) -> list[float]:
        """Monday..Sunday factors for judging day `d` (mean 1)."""
        if d != self._cache_day:
            self._cache, self._cache_day = {}, d
        cached = self._cache.get(product)
        if cached is not None:
            return cached
        cut = d - self.guard_days + 1
        pooled = self._raw(_ALL, cut, None)
        own = self._raw(product, cut, pooled)
        self._cache[product] = own
        return own

    def window_weight(self, product: str, d: int, w: int) -> float:
        """Sum of the factors over the days [d - w + 1, d]."""
        f = self.factors(product, d)
        return sum(f[dt.date.fromordinal(x).weekday()] for x in range(d - w + 1, d + 1))

    def _raw(self, name: str, cut: int, prior: list[float] | None) -> list[float]:
        counts = self._counts[name]
        counts.advance(cut)
        spans = _weekday_span(self._first.get(name, cut), cut)
        total, ndays = sum(counts.by_weekday), sum(spans)
        if not total or not ndays:
            return prior or [1.0] * 7
        per_day = total / ndays
        weight = self.prior_reports if prior is not None else 0.0
        base = prior or [1.0] * 7
        rates = [
            (counts.by_weekday[i] + weight * base[i] / 7) / (spans[i] * per_day + weight / 7)
            if spans[i] * per_day + weight
            else base[i]
            for i in range(7)
        ]
        mean = sum(rates) / 7
        return [r / mean for r in rates] if mean > 0 else [1.0] * 7
