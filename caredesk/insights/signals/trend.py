"""Nascent-problem detection: the trend engine behind `caredesk signals trend`.

What it watches. Every complaint or adverse-event report is a row (day, product, lot, event,
reporter). Two kinds of series are kept per product x event: the product-wide series (lot empty)
and one series per lot. A series counts **distinct reporters**: a reporter is counted once per
series, on the day of their first report in it, so one person calling ten times is one report
and a single-reporter burst adds at most one to any series. Reports without a lot count in the
product-wide series only.

How it decides (all from data up to and including the day being judged; see
docs/decisions/0009-signals-trend.md for why each choice):

- A series is tested on each day it gains a new reporter, over trailing windows of 3, 7, 14 and
  28 days, and only once it holds at least `min_reporters` (3) distinct reporters in the window.
- **Baseline from the product's own history**: the rate of the product x event over the 182 days
  before a 28-day guard band (so the window being judged is never part of its own baseline). The
  rate is a Gamma posterior (Jeffreys-like prior shape 0.5) and the window count is judged
  against the negative binomial predictive, so a short history makes a conservative test.
- **Weekday pattern**: per-product weekday factors from the history before the guard band,
  shrunk toward the factors of all products; they scale the expectation of the 3-day window
  (windows of whole weeks need none).
- **Lots pool the product**: a lot's expected count is the product's rate of the event for
  reports with a lot, times the lot's share of exposure. The share is the lot's part of the
  product's reports of *other* events over the last 56 days, shrunk toward 1 / (lots active in
  the last 90 days) - so a lot launched yesterday starts at the product's per-lot rate and its
  life cycle (ramp-up, run-down) is followed without waiting for its own history of this event.
- **Lot, or product-wide?** A lot alerts only if its count is high against its expectation *and*
  its share of the product's reports of this event is high against its exposure share
  (beta-binomial). A product-wide alert is raised only if the excess remains significant after
  removing the lots whose share is high; when it does not, the excess is the lot's and the lot is
  alerted (`lot-share`). A problem in one lot therefore alerts that lot, not the product.
- **Warm-up**: no alert for a product until `warmup_days` (84) after its first report.
- **False-alarm control**: each test must reach a p-value below `alpha_*`, set by simulation of
  null streams (bench/trend_bench.py, calibration seeds distinct from reporting seeds) so that
  false alerts stay under 1 per 2,000 product x event series over 18 months, plus a minimum
  observed/expected ratio of 1.5 so high-volume series do not alert on trivial drifts.
- Each series alerts at most once: the first alert is the one reported.

Incremental by construction: `TrendEngine.add_day` takes one day's rows and returns the alerts
raised that day; the state is per series (sorted lists of new-reporter days, reporter sets), and
each test reads only the windows and the baseline by bisection. The periodic task adds yesterday.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from caredesk.insights.signals.trend_stats import betabinom_upper_tail, nb_upper_tail
from caredesk.insights.signals.trend_weekday import WeekdayModel

Row = tuple[str, str, str, str]  # product, lot, event, reporter_id
SeriesKey = tuple[str, str, str]  # product, lot ("" = product-wide), event


@dataclass(frozen=True)
class TrendParams:
    """The engine's settings; defaults are the calibrated ones (see the decision record)."""

    windows: tuple[int, ...] = (3, 7, 14, 28)
    baseline_days: int = 182
    guard_days: int = 28
    warmup_days: int = 84
    min_reporters: int = 3
    min_ratio: float = 1.5
    alpha_product: float = 1e-6
    alpha_lot: float = 1e-7
    alpha_share: float = 1e-2
    prior_shape: float = 0.5
    share_days: int = 14
    share_prior: float = 5.0
    activity_prior: float = 10.0
    drift_cv: float = 0.1
    active_lot_days: int = 90
    new_lot_days: int = 90
    explained_days: int = 90


@dataclass(frozen=True)
class Alert:
    """One alerted series. `reports` = distinct reporters in the series up to the alert day."""

    product: str
    lot: str
    event: str
    first_alert_date: dt.date
    reports: int
    method: str


@dataclass(frozen=True)
class _Expect:
    """A positive quantity known up to a relative error: its mean and squared CV."""

    mean: float
    cv2: float

    def times(self, other: _Expect) -> _Expect:
        """Product of two independent estimates (moments of a product, matched to a Gamma)."""
        return _Expect(self.mean * other.mean, (1.0 + self.cv2) * (1.0 + other.cv2) - 1.0)

    def scaled(self, factor: float) -> _Expect:
        return _Expect(self.mean * factor, self.cv2)


@dataclass(frozen=True)
class _Share:
    """A lot's exposure share as a Beta(a, b)."""

    a: float
    b: float

    @property
    def expect(self) -> _Expect:
        n = self.a + self.b
        return _Expect(self.a / n, self.b / (self.a * (n + 1.0)))


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
            for lot in sorted(touched_lots.get((product, event), ())):
                raised.extend(self._test_lot(product, lot, event, d))
            if (product, event) in touched_pw:
                raised.extend(self._test_product(product, event, d))
        return raised

    def _new_reporter(self, key: SeriesKey, reporter: str, d: int) -> bool:
        seen = self._seen[key]
        if reporter in seen:
            return False
        seen.add(reporter)
        self._days[key].append(d)
        return True

    # -- expectations ------------------------------------------------------------------------

    def _baseline(self, days: list[int], product: str, d: int) -> _Expect:
        """Daily rate from the history before the guard band, as a Gamma posterior."""
        p = self.params
        stop = d - p.guard_days + 1
        start = max(stop - p.baseline_days, self._product_first[product])
        shape = _count(days, start, stop) + p.prior_shape
        return _Expect(shape / (max(stop - start, 0) + 1.0), 1.0 / shape)

    def _activity(self, product: str, event: str, d: int) -> _Expect:
        """How busy the product is now against its baseline, from its *other* events."""
        p = self.params
        stop = d - p.guard_days + 1
        start = max(stop - p.baseline_days, self._product_first[product])
        every, own = self._product_all[product], self._days[(product, "", event)]
        recent = _count(every, d - 27, d + 1) - _count(own, d - 27, d + 1)
        before = _count(every, start, stop) - _count(own, start, stop)
        expected = before * 28.0 / (max(stop - start, 0) + 1.0)
        k = p.activity_prior
        return _Expect((recent + k) / (expected + k), 1.0 / (recent + k) + 1.0 / (before + k))

    def _share(self, product: str, lot: str, event: str, d: int, w: int) -> _Share:
        """The lot's share of the product's exposure, from its reports of other events."""
        p = self.params
        start, stop = d - max(w, p.share_days) + 1, d + 1
        own = _count(self._days[(product, lot, event)], start, stop)
        lot_other = _count(self._lot_all[(product, lot)], start, stop) - own
        all_other = _count(self._product_known_all[product], start, stop) - _count(
            self._known[(product, event)], start, stop
        )
        active = sum(1 for last in self._lot_last[product].values() if d - last < p.active_lot_days)
        prior = 1.0 / max(active, 1)
        return _Share(
            lot_other + p.share_prior * prior,
            (all_other - lot_other) + p.share_prior * (1.0 - prior),
        )

    def _length(self, product: str, d: int, w: int) -> float:
        """Weekday-weighted length of the window [d - w + 1, d] (= w for whole weeks)."""
        if w % 7 == 0:
            return float(w)
        return self._weekday.window_weight(product, d, w)

    # -- tests -------------------------------------------------------------------------------

    def _window_p(self, count: int, expect: _Expect) -> float:
        """Predictive upper tail, or 1.0 when the count is below the minimum or the ratio."""
        p = self.params
        if count < p.min_reporters or count < p.min_ratio * expect.mean:
            return 1.0
        cv2 = (1.0 + expect.cv2) * (1.0 + p.drift_cv**2) - 1.0
        return nb_upper_tail(count, 1.0 / cv2, expect.mean * cv2)

    def _counts(self, days: list[int], d: int) -> list[tuple[int, int]]:
        """(window, count) for each window, or [] when even the longest is below the minimum."""
        windows, start = self.params.windows, d + 1
        if _count(days, start - max(windows), start) < self.params.min_reporters:
            return []
        return [(w, _count(days, start - w, start)) for w in windows]

    def _test_lot(self, product: str, lot: str, event: str, d: int) -> list[Alert]:
        key = (product, lot, event)
        counts = self._counts(self._days[key], d) if key not in self.alerts else []
        if not counts:
            return []
        p = self.params
        known = self._known[(product, event)]
        rate = self._baseline(known, product, d).times(self._activity(product, event, d))
        for w, count in counts:
            if count < p.min_reporters:
                continue
            share = self._share(product, lot, event, d, w)
            expect = rate.times(share.expect).scaled(self._length(product, d, w))
            p_rate = self._window_p(count, expect)
            if p_rate >= p.alpha_lot:
                continue
            trials = _count(known, d - w + 1, d + 1)
            p_share = betabinom_upper_tail(count, trials, share.a, share.b)
            if self.trace is not None:
                self.trace.append(("lot", key, d, w, p_rate, p_share))
            elif p_share < p.alpha_share:
                young = d - self._lot_first[(product, lot)] < p.new_lot_days
                return [self._raise(key, d, "new-lot-cluster" if young else "lot-window")]
        return []

    def _test_product(self, product: str, event: str, d: int) -> list[Alert]:
        key = (product, "", event)
        counts = self._counts(self._days[key], d) if key not in self.alerts else []
        if not counts:
            return []
        p = self.params
        baseline = self._baseline(self._days[key], product, d)
        known_share = self._baseline(self._known[(product, event)], product, d).mean
        known_share = min(1.0, known_share / baseline.mean)
        rate = baseline.times(self._activity(product, event, d))
        for w, count in counts:
            expect = rate.scaled(self._length(product, d, w))
            p_rate = self._window_p(count, expect)
            if p_rate >= p.alpha_product:
                continue
            if self.trace is not None:
                self.trace.append(("product", key, d, w, p_rate, 1.0))
                continue
            lots = self._explaining_lots(product, event, d, w)
            rest = count - sum(c for _, c, _ in lots)
            rest_share = max(0.0, 1.0 - known_share * sum(s for *_, s in lots))
            if not lots or self._window_p(rest, expect.scaled(rest_share)) < p.alpha_product:
                return [self._raise(key, d, "window")]
            return [
                self._raise((product, lot, event), d, "lot-share")
                for lot, _, _ in lots
                if (product, lot, event) not in self.alerts
            ]
        return []

    def _explaining_lots(
        self, product: str, event: str, d: int, w: int
    ) -> list[tuple[str, int, float]]:
        """Lots that explain part of a product-wide excess: (lot, count, exposure share).

        A lot explains its reports when it already alerted for this event in the last
        `explained_days`, or when its share of this window is disproportionate.
        """
        p = self.params
        trials = _count(self._known[(product, event)], d - w + 1, d + 1)
        found = []
        for lot in sorted(self._lot_last[product]):
            key = (product, lot, event)
            count = _count(self._days[key], d - w + 1, d + 1)
            if not count:
                continue
            share = self._share(product, lot, event, d, w)
            alerted = self.alerts.get(key)
            recent = alerted is not None and (
                d - alerted.first_alert_date.toordinal() < p.explained_days
            )
            if recent or (
                count >= p.min_reporters
                and betabinom_upper_tail(count, trials, share.a, share.b) < p.alpha_share
            ):
                found.append((lot, count, share.expect.mean))
        return found

    def _raise(self, key: SeriesKey, d: int, method: str) -> Alert:
        product, lot, event = key
        alert = Alert(product, lot, event, dt.date.fromordinal(d), len(self._seen[key]), method)
        self.alerts[key] = alert
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
