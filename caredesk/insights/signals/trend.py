"""Nascent-problem detection: the trend engine behind `caredesk signals trend`.

Series: per product x event, a product-wide one (lot empty) and one per lot, each counting
**distinct reporters** (a reporter once per series, on the day of their first report in it);
reports without a lot count product-wide only. Each day a series gains a reporter, its windows of
3, 7, 14 and 28 days ending that day are judged, from data up to that day only, against baseline
(the product x event's last 182 days before a 28-day guard) x activity (the product's other
events now against theirs) x weekday-weighted length; a lot expects the product's rate with a lot
x its exposure share (its part of the product's recent reports of other events). The count meets
a negative binomial carrying every estimate's uncertainty plus 5% drift; a tail under
`alpha_product` / `alpha_lot` fires (>= 3 reporters, >= 1.5x). `trend_level.choose_level`,
`_spread_shown` and `_others_rose` pick the lot or the product (or wait). No alert in a product's
first 84 days; a series alerts once. Rules, reasons and calibration: docs/decisions/0012*.

Incremental: `TrendEngine.add_day` takes one day's rows and returns that day's alerts; state is
per series (sorted new-reporter days, reporter sets) and tests read windows by bisection.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from caredesk.insights.signals.trend_level import Level, choose_level
from caredesk.insights.signals.trend_params import Alert, Row, SeriesKey, TrendParams
from caredesk.insights.signals.trend_stats import Estimate, ShareBeta, predictive_tail
from caredesk.insights.signals.trend_weekday import WeekdayModel


def _count(days: list[int], start: int, stop: int) -> int:
    """How many entries of the sorted list fall in [start, stop)."""
    return bisect_left(days, stop) - bisect_left(days, start)


class TrendEngine:
    """Per-series state and the daily tests; feed it days in increasing order."""

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
        self._weekday = WeekdayModel(self.params.guard_days)
        self.trace: list[tuple[str, SeriesKey, int, int, float, float]] | None = None

    def add_day(self, day: dt.date, rows: Iterable[Row]) -> list[Alert]:
        """Take every report received on `day`, then return the alerts first raised that day."""
        d = day.toordinal()
        if self.last_day is not None and d <= self.last_day:
            last = dt.date.fromordinal(self.last_day)
            raise ValueError(f"days must increase: {day} comes after {last}")
        self.last_day = d
        touched_pw: set[tuple[str, str]] = set()
        touched_lots: dict[tuple[str, str], set[str]] = defaultdict(set)
        for product, lot, event, reporter in rows:
            self._product_first.setdefault(product, d)
            if self._new_reporter((product, "", event), reporter, d):
                touched_pw.add((product, event))
                self._product_all[product].append(d)
                self._weekday.add(product, d)
            if lot:
                self._lot_last[product][lot] = d
                self._lot_first.setdefault((product, lot), d)
                if self._new_reporter((product, lot, event), reporter, d):
                    self._known[(product, event)].append(d)
                    self._lot_all[(product, lot)].append(d)
                    self._product_known_all[product].append(d)
                    touched_lots[(product, event)].add(lot)
        raised: list[Alert] = []
        for product, event in sorted(touched_pw | set(touched_lots)):
            if d - self._product_first[product] < self.params.warmup_days:
                continue
            lots, wide = touched_lots.get((product, event), set()), (product, event) in touched_pw
            raised.extend(self._test_pair(product, event, d, lots, wide))
        return raised

    def _new_reporter(self, key: SeriesKey, reporter: str, d: int) -> bool:
        seen = self._seen[key]
        if reporter in seen:
            return False
        seen.add(reporter)
        self._days[key].append(d)
        return True

    # -- expectations ------------------------------------------------------------------------

    def _baseline(self, days: list[int], product: str, d: int) -> Estimate:
        """Daily rate from the history before the guard band, as a Gamma posterior."""
        p = self.params
        stop = d - p.guard_days + 1
        start = max(stop - p.baseline_days, self._product_first[product])
        shape = _count(days, start, stop) + p.prior_shape
        return Estimate(shape / (max(stop - start, 0) + 1.0), 1.0 / shape)

    def _activity(self, product: str, event: str, d: int) -> Estimate:
        """How busy the product is now against its baseline, from its *other* events."""
        p = self.params
        stop = d - p.guard_days + 1
        start = max(stop - p.baseline_days, self._product_first[product])
        every, own = self._product_all[product], self._days[(product, "", event)]
        recent = _count(every, d - 27, d + 1) - _count(own, d - 27, d + 1)
        before = _count(every, start, stop) - _count(own, start, stop)
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
        for span in (max(w, p.share_days), 14, 28, 56, 91):
            start, stop = d - span + 1, d + 1
            cut = max(start, d - w + 1)  # this event counts only before the window
            product_n = _count(every, start, stop) - _count(known, cut, stop)
            if product_n >= p.share_reports:
                break
        lot_n = _count(lot_all, start, stop) - _count(own_days, cut, stop)
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

    # -- tests -------------------------------------------------------------------------------

    def _window_p(self, count: int, expect: Estimate) -> float:
        """Predictive upper tail, or 1.0 when the count is below the minimum or the ratio."""
        p = self.params
        if count < p.min_reporters or count < p.min_ratio * expect.mean:
            return 1.0
        return predictive_tail(count, expect, p.drift_cv)

    def _counts(self, key: SeriesKey, d: int) -> list[int]:
        """Count per window, or [] when alerted or when even the longest is below the minimum."""
        days, windows, start = self._days[key], self.params.windows, d + 1
        if (
            key in self.alerts
            or _count(days, start - max(windows), start) < self.params.min_reporters
        ):
            return []
        return [_count(days, start - w, start) for w in windows]

    def _test_pair(
        self, product: str, event: str, d: int, lots: set[str], wide: bool
    ) -> list[Alert]:
        """Test the product-wide series (if it gained a reporter) and the lots that did."""
        p = self.params
        wide_counts = self._counts((product, "", event), d) if wide else []
        lot_counts = {
            lot: c for lot in sorted(lots) if (c := self._counts((product, lot, event), d))
        }
        if not wide_counts and not lot_counts:
            return []
        pw = self._baseline(self._days[(product, "", event)], product, d)
        known = self._baseline(self._known[(product, event)], product, d)
        activity = self._activity(product, event, d)
        known_share = min(1.0, known.mean / pw.mean)
        for i, w in enumerate(p.windows):
            ready = {lot: c[i] for lot, c in lot_counts.items() if c[i] >= p.min_reporters}
            if not ready and (not wide_counts or wide_counts[i] < p.min_reporters):
                continue  # nothing in this window can reach the minimum of reporters
            length = self._length(product, d, w)
            explained = self._explained(product, event, d, w)
            if explained:  # reports without a lot may be the alerted lot's: judge the others
                count = _count(self._known[(product, event)], d - w + 1, d + 1)
                count -= sum(c for c, _ in explained.values())
                rest = 1.0 - sum(s for _, s in explained.values())
                expect = known.times(activity).scaled(length * max(rest, 0.0))
            else:
                count = _count(self._days[(product, "", event)], d - w + 1, d + 1)
                expect = pw.times(activity).scaled(length)
            wide_p = self._window_p(count, expect) if wide_counts else 1.0
            lot_p = {
                lot: self._lot_p(product, lot, event, d, w, n, known.times(activity), length)
                for lot, n in ready.items()
            }
            wide_fired = wide_p < p.alpha_product
            fired = [lot for lot, value in lot_p.items() if value < p.alpha_lot]
            if not (wide_fired or fired):
                continue
            if self._wide_explained(product, event, d):  # a lot must stand out of a risen product
                excess, factor = 0.0, p.bayes_factor**2
            else:
                excess, factor = known_share * max(count - expect.mean, 0.0), p.bayes_factor
            level, lot, lot_count = self._verdict(
                product, event, (d, w), (excess, factor), explained
            )
            if self.trace is not None:
                self._trace_window((product, event, d, w), wide_p, lot_p, level, lot)
                continue
            return self._raise_level(product, event, d, (level, lot, lot_count), fired, wide_fired)
        return []

    def _lot_p(
        self,
        product: str,
        lot: str,
        event: str,
        d: int,
        w: int,
        count: int,
        rate: Estimate,
        length: float,
    ) -> float:
        if count < self.params.min_reporters:
            return 1.0
        share = self._share(product, lot, event, d, w)
        return self._window_p(count, rate.times(share.expect).scaled(length))

    def _window_lots(self, product: str, event: str, d: int, w: int) -> dict[str, int]:
        found = {}
        for lot in self._lot_last[product]:
            if c := _count(self._days[(product, lot, event)], d - w + 1, d + 1):
                found[lot] = c
        return found

    def _explained(self, product: str, event: str, d: int, w: int) -> dict[str, tuple[int, float]]:
        """Lots alerted for this event in the last `explained_days`: (window count, share)."""
        found = {}
        for lot in self._alerted_lots[(product, event)]:
            key = (product, lot, event)
            if d - self.alerts[key].first_alert_date.toordinal() < self.params.explained_days:
                count = _count(self._days[key], d - w + 1, d + 1)
                found[lot] = (count, self._share(product, lot, event, d, w).expect.mean)
        return found

    def _wide_explained(self, product: str, event: str, d: int) -> bool:
        """Whether the product-wide series alerted in the last `explained_days`."""
        alerted = self.alerts.get((product, "", event))
        return alerted is not None and (
            d - alerted.first_alert_date.toordinal() < self.params.explained_days
        )

    def _verdict(
        self,
        product: str,
        event: str,
        when: tuple[int, int],
        evidence: tuple[float, float],
        explained: dict[str, tuple[int, float]],
    ) -> tuple[Level, str, int]:
        """`choose_level` over the lots not already explained: (level, lot, lot's count).

        `when` is (day, window); `evidence` is (excess with a lot, Bayes factor needed).
        """
        (d, w), (excess, factor) = when, evidence
        windows = self._window_lots(product, event, d, w)
        counts = {k: c for k, c in windows.items() if k not in explained}
        shares = {}
        for k in counts:
            share = self._share(product, k, event, d, w)
            shares[k] = (share.a, share.b)
        level, lot = choose_level(counts, shares, excess, factor)
        if level is Level.PRODUCT and not self._spread_shown(product, event, d, explained):
            return Level.WAIT, "", 0
        return level, lot, counts.get(lot, 0)

    def _spread_shown(
        self, product: str, event: str, d: int, explained: dict[str, tuple[int, float]]
    ) -> bool:
        """Whether the longest window shows the excess outside its most over-represented lot.

        `choose_level` says "product-wide" for want of evidence for a lot, which a lot holding
        most of the exposure cannot give early. While that lot is high and the other lots are
        not, the excess may sit in it alone: wait. The product is raised once the others are
        high too (1.5x, predictive tail under `spread_p`), or the best lot is not high."""
        p, w = self.params, max(self.params.windows)
        windows = self._window_lots(product, event, d, w)
        counts = {k: c for k, c in windows.items() if k not in explained}
        share = {k: self._share(product, k, event, d, w).expect.mean for k in counts}
        best = max(sorted(counts), key=lambda k: counts[k] / share[k], default="")
        if not best or counts[best] < p.min_reporters:
            return True
        rate, others, rest = self._outside(product, event, d, best, explained)
        if rest <= 0.0 or not self._high(counts[best], rate.scaled(share[best])):
            return True
        return self._high(others, rate.scaled(rest))

    def _others_rose(self, product: str, event: str, d: int, lot: str) -> bool:
        """Whether the other lots are high too: the excess is then not `lot`'s alone."""
        explained = self._explained(product, event, d, max(self.params.windows))
        rate, others, rest = self._outside(product, event, d, lot, explained)
        return rest > 0.0 and self._high(others, rate.scaled(rest))

    def _outside(
        self, product: str, event: str, d: int, lot: str, explained: dict[str, tuple[int, float]]
    ) -> tuple[Estimate, int, float]:
        """Over the longest window: the expectation of the reports naming a lot, the count of
        those naming another lot than `lot` (and not an explained one), and those lots' share."""
        w = max(self.params.windows)
        counts = self._window_lots(product, event, d, w)
        others = sum(c for k, c in counts.items() if k != lot and k not in explained)
        known = self._baseline(self._known[(product, event)], product, d)
        rate = known.times(self._activity(product, event, d)).scaled(self._length(product, d, w))
        share = self._share(product, lot, event, d, w).expect.mean
        return rate, others, 1.0 - share - sum(s for _, s in explained.values())

    def _high(self, count: int, expect: Estimate) -> bool:
        """At least 1.5x the expectation, with a predictive upper tail under `spread_p`."""
        p = self.params
        high = count >= p.min_ratio * expect.mean
        return high and predictive_tail(count, expect, p.drift_cv) < p.spread_p

    def _raise_level(
        self,
        product: str,
        event: str,
        d: int,
        verdict: tuple[Level, str, int],
        fired: list[str],
        wide_fired: bool,
    ) -> list[Alert]:
        """Raise at the level the verdict names (a lot, or product-wide), or wait."""
        p = self.params
        level, lot, lot_count = verdict
        key = (product, lot, event)
        if level is Level.LOT and lot_count >= p.min_reporters and key not in self.alerts:
            if lot not in fired:  # only the product-wide test fired: wait if it is not L alone
                if not wide_fired or self._others_rose(product, event, d, lot):
                    return []
                return [self._raise(key, d, "lot-share")]
            young = d - self._lot_first[(product, lot)] < p.new_lot_days
            return [self._raise(key, d, "new-lot-cluster" if young else "lot-window")]
        if level is Level.PRODUCT and wide_fired:
            return [self._raise((product, "", event), d, "window")]
        return []

    def _trace_window(
        self,
        where: tuple[str, str, int, int],
        wide_p: float,
        lot_p: dict[str, float],
        level: Level,
        chosen: str,
    ) -> None:
        """Calibration: log each test's p-value and whether the verdict agreed; never raise."""
        assert self.trace is not None
        product, event, d, w = where
        if wide_p < self.params.alpha_product:
            agree = 0.0 if level is Level.PRODUCT else 1.0
            self.trace.append(("product", (product, "", event), d, w, wide_p, agree))
        for lot, value in lot_p.items():
            if value < self.params.alpha_lot:
                agree = 0.0 if level is Level.LOT and chosen == lot else 1.0
                self.trace.append(("lot", (product, lot, event), d, w, value, agree))

    def _raise(self, key: SeriesKey, d: int, method: str) -> Alert:
        product, lot, event = key
        alert = Alert(product, lot, event, dt.date.fromordinal(d), len(self._seen[key]), method)
        self.alerts[key] = alert
        if lot:
            self._alerted_lots[(product, event)].append(lot)
        return alert


def detect(
    days: Iterable[tuple[dt.date, list[Row]]], params: TrendParams | None = None
) -> list[Alert]:
    """Run the engine over (day, rows) in increasing day order; every first alert, in order."""
    engine = TrendEngine(params)
    alerts: list[Alert] = []
    for day, rows in days:
        alerts.extend(engine.add_day(day, rows))
    return alerts
