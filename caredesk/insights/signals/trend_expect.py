"""What a window of the trend engine should hold: its per-series state and expectations.

`SeriesState` keeps, per series, the sorted days of new distinct reporters, and reads from them
the baseline rate (a Gamma posterior from the 182 days before a 28-day guard), the product's
activity (its other events now against their baseline; events that have alerted are left out,
since a known problem's excess, in the recent days or in the baseline, says nothing about how
busy the product is) and a lot's exposure share (its part of the product's recent reports of
other events, never counted from before the lot was first seen: a young lot's share averaged
over days when it did not exist yet is too small). `trend.TrendEngine` runs the tests on top.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict

from caredesk.insights.signals.trend_params import Alert, SeriesKey, TrendParams
from caredesk.insights.signals.trend_stats import Estimate, ShareBeta
from caredesk.insights.signals.trend_weekday import WeekdayModel


def count_in(days: list[int], start: int, stop: int) -> int:
    """How many entries of the sorted list fall in [start, stop)."""
    return bisect_left(days, stop) - bisect_left(days, start)


class SeriesState:
    """Per-series state and the expectations read from it; days arrive in increasing order."""

    def __init__(self, params: TrendParams | None = None) -> None:
        self.params = params or TrendParams()
        self.last_day: int | None = None
        self.alerts: dict[SeriesKey, Alert] = {}
        self._seen: dict[SeriesKey, set[str]] = defaultdict(set)
        self._days: dict[SeriesKey, list[int]] = defaultdict(list)
        self._known: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._lot_all: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._product_known_all: dict[str, list[int]] = defaultdict(list)
        self._product_all: dict[str, list[int]] = defaultdict(list)
        self._lot_last: dict[str, dict[str, int]] = defaultdict(dict)
        self._lot_first: dict[tuple[str, str], int] = {}
        self._product_first: dict[str, int] = {}
        self._alerted_lots: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._active: dict[str, tuple[int, int]] = {}
        self._alerted_events: dict[str, set[str]] = defaultdict(set)
        self._weekday = WeekdayModel(self.params.guard_days)

    def _new_reporter(self, key: SeriesKey, reporter: str, d: int) -> bool:
        seen = self._seen[key]
        if reporter in seen:
            return False
        seen.add(reporter)
        self._days[key].append(d)
        return True

    def _baseline(self, days: list[int], product: str, d: int) -> Estimate:
        """Daily rate from the history before the guard band, as a Gamma posterior."""
        p = self.params
        stop = d - p.guard_days + 1
        start = max(stop - p.baseline_days, self._product_first[product])
        shape = count_in(days, start, stop) + p.prior_shape
        return Estimate(shape / (max(stop - start, 0) + 1.0), 1.0 / shape)

    def _activity(self, product: str, event: str, d: int) -> Estimate:
        """How busy the product is now against its baseline, from its *other* events."""
        p = self.params
        stop = d - p.guard_days + 1
        start = max(stop - p.baseline_days, self._product_first[product])
        every = self._product_all[product]
        recent, before = count_in(every, d - 27, d + 1), count_in(every, start, stop)
        for other in self._alerted_events[product] | {event}:
            own = self._days[(product, "", other)]
            recent -= count_in(own, d - 27, d + 1)
            before -= count_in(own, start, stop)
        expected = before * 28.0 / (max(stop - start, 0) + 1.0)
        k = p.activity_prior
        return Estimate((recent + k) / (expected + k), 1.0 / (recent + k) + 1.0 / (before + k))

    def _share(self, product: str, lot: str, event: str, d: int, w: int) -> ShareBeta:
        """The lot's share of the product's exposure, from reports the window does not judge.

        Its reports of other events, and of this event before the window, over the last
        max(w, 7) days, widened (14, 28, 56, 91) until the product has `share_reports` such
        reports: short enough to follow a lot's ramp-up, long enough for a quiet product.
        """
        p = self.params
        own_days, known = self._days[(product, lot, event)], self._known[(product, event)]
        lot_all, every = self._lot_all[(product, lot)], self._product_known_all[product]
        born = self._lot_first.get((product, lot), d)
        for span in (max(w, p.share_days), 14, 28, 56, 91):
            start, stop = max(d - span + 1, born), d + 1
            cut = max(start, d - w + 1)  # this event counts only before the window
            product_n = count_in(every, start, stop) - count_in(known, cut, stop)
            if product_n >= p.share_reports:
                break
        lot_n = count_in(lot_all, start, stop) - count_in(own_days, cut, stop)
        prior = 1.0 / self._active_lots(product, d)
        share = ShareBeta(
            lot_n + p.share_prior * prior, (product_n - lot_n) + p.share_prior * (1.0 - prior)
        )
        if d - self._lot_first.get((product, lot), d) < p.young_lot_days:
            return share.loosened(p.young_lot_weight)  # its share is still climbing
        return share

    def _active_lots(self, product: str, d: int) -> int:
        """Lots of the product with a report in the last `active_lot_days` (at least 1)."""
        cached = self._active.get(product)
        if cached is None or cached[0] != d:
            last = self._lot_last[product].values()
            cached = (d, max(1, sum(1 for x in last if d - x < self.params.active_lot_days)))
            self._active[product] = cached
        return cached[1]

    def _length(self, product: str, d: int, w: int) -> float:
        """Weekday-weighted length of the window [d - w + 1, d] (= w for whole weeks)."""
        if w % 7 == 0:
            return float(w)
        return self._weekday.window_weight(product, d, w)
