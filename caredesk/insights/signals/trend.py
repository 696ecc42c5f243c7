"""Nascent-problem detection: the trend engine behind `caredesk signals trend`.

Series: per product x event, a product-wide one (lot empty) and one per lot, each counting
**distinct reporters** (a reporter once per series, on the day of their first report in it);
reports without a lot count product-wide only. Each day a series gains a reporter, its windows
of 3, 5, 7, 10, 14, 21 and 28 days ending that day are judged, from data up to that day only,
against baseline (the product x event's last 182 days before a 28-day guard) x activity (the
product's other events now against theirs) x weekday-weighted length; a lot expects the
product's rate with a lot x its exposure share (its part of the product's recent reports of
other events). The count meets a negative binomial carrying every estimate's uncertainty plus
5% drift; a tail under `alpha_product` / `alpha_lot` fires (>= 4 reporters, >= 1.5x).
`trend_level.choose_level`, `_spread_shown`, `_others_rose` and the two-lot rule pick the lot
or the product (or wait). No alert in a product's first 84 days; a series alerts once. Rules,
reasons and calibration: docs/decisions/0012*.

Incremental: `TrendEngine.add_day` takes one day's rows and returns that day's alerts; state is
per series (sorted new-reporter days, reporter sets) and tests read windows by bisection.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from caredesk.insights.signals.trend_expect import SeriesState, count_in
from caredesk.insights.signals.trend_level import Level, choose_level
from caredesk.insights.signals.trend_params import Alert, Row, SeriesKey, TrendParams
from caredesk.insights.signals.trend_stats import Estimate, predictive_tail


class TrendEngine(SeriesState):
    """Per-series state and the daily tests; feed it days in increasing order."""

    def __init__(self, params: TrendParams | None = None) -> None:
        super().__init__(params)
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
            or count_in(days, start - max(windows), start) < self.params.min_reporters
        ):
            return []
        return [count_in(days, start - w, start) for w in windows]

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
                count = count_in(self._known[(product, event)], d - w + 1, d + 1)
                count -= sum(c for c, _ in explained.values())
                rest = 1.0 - sum(s for _, s in explained.values())
                expect = known.times(activity).scaled(length * max(rest, 0.0))
            else:
                count = count_in(self._days[(product, "", event)], d - w + 1, d + 1)
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
            if c := count_in(self._days[(product, lot, event)], d - w + 1, d + 1):
                found[lot] = c
        return found

    def _explained(self, product: str, event: str, d: int, w: int) -> dict[str, tuple[int, float]]:
        """Lots alerted for this event in the last `explained_days`: (window count, share)."""
        found = {}
        for lot in self._alerted_lots[(product, event)]:
            key = (product, lot, event)
            if d - self.alerts[key].first_alert_date.toordinal() < self.params.explained_days:
                count = count_in(self._days[key], d - w + 1, d + 1)
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
        The product is raised only when the window's reports name at least `spread_lots` lots
        (or every active lot): reports that name one lot, the rest none, may all be that lot's.
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
        few = len(counts) < min(self.params.spread_lots, self._active_lots(product, d))
        if level is Level.PRODUCT and few:
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
        self._alerted_events[product].add(event)
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
