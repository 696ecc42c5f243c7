"""Synthetic complaint streams with known problems, for the `caredesk signals trend` benchmark.

`generate(seed)` returns one stream: EVENTS.csv rows (date, product, lot, event, reporter_id) plus
the truth (planted problems, single-reporter bursts). Everything is drawn from
`numpy.random.default_rng(seed)`, so a seed is a data set. The defaults (200 products x 12
events = 2,400 product x event series, about 22,000 lot x event series, 548 days = 18 months
from 2024-01-01) give about 230,000 rows. What the world looks like:

- **Products** report at a base volume drawn log-normally (median 1.2 reports a day over all
  its events, 5th-95th percentile about 0.2 to 6), with a slow trend (x exp(g t),
  g ~ N(0, 0.25) a year); 15% are launched during the stream (days 0-300), the rest before it.
- **Events**: each product has 12 of 40 event codes with log-normal weights (sigma 1.2), so
  product x event series see from about 0.002 to 2 reports a day (1st-99th percentile), median
  about 0.06.
- **Calendar**: weekday factors Mon..Sun ~ 1.25, 1.15, 1.1, 1.05, 1.0, 0.45, 0.3 (each product
  jittered by 10%); an annual season of +-15%; holidays (1 Jan, 4 Jul, Thanksgiving, 24-26 and
  31 Dec) at 30% with a 40% catch-up on the next day; a day-level product multiplier
  Gamma(25, 1/25) shared by all its events (a news story lifts every event a little).
- **Lots**: 3-7 lots already on the market at the start (launched 10-400 days before), then a new
  lot every ~45 days (exponential gaps). A lot's exposure ramps up over 30 days, stays for
  120-300 days, then decays with a 90-day scale; its size is log-normal (sigma 0.5). A report's
  lot is drawn by exposure share; 10-40% of a product's reports (product-specific) have no lot.
- **Reporters**: mostly a new reporter per report; 8% come from 25 repeat reporters of the
  product (pharmacies); 7% of reports are followed 0-14 days later by a duplicate from the same
  reporter about the same product, lot and event (a follow-up call).
- **Planted problems** (`problems`, default 40, none in a null stream) on distinct product x
  event pairs of products at least 120 days old, onset uniform in days 150..days-60, lasting
  45-180 days: 55% **lot** (one lot on the market at onset, share >= 5%), 20% **new lot** (a lot
  launched at onset with the defect; the excess ramps up over 14 days with the lot) and 25%
  **product-wide** (all lots and the reports without a lot). The problem adds
  `extra` = max(U(0.5, 1.5), r x the series' own rate) reports a day, r ~ U(1, 3) (`STRONG`, the
  default: a defective lot heard of 3-10 more times a week, or a product-wide event at two to
  four times its rate), shaped by the same calendar, each from a new reporter, with the
  product's lot-missing rate. `WEAK` (floor U(0.3, 1.2), product-wide r ~ U(0.5, 1.5)) plants
  problems near the limit of what 3 distinct reporters and the false-alarm budget allow; the
  benchmark reports it too (`--weak`).
- **Single-reporter bursts** (`bursts`, default 30) on other product x event pairs: one reporter
  files 5-20 reports about one lot (20%: no lot) on one day or spread over a week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

EVENTS = [f"E{i:02d}" for i in range(40)]
WEEKDAY = np.array([1.25, 1.15, 1.1, 1.05, 1.0, 0.45, 0.3])
START = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class Strength:
    """How much a planted problem adds: max(U(floor), U(ratio) x the series' own rate)."""

    floor: tuple[float, float]  # added reports a day
    lot_ratio: tuple[float, float]
    wide_ratio: tuple[float, float]


STRONG = Strength(floor=(0.5, 1.5), lot_ratio=(1.0, 3.0), wide_ratio=(1.0, 3.0))
WEAK = Strength(floor=(0.3, 1.2), lot_ratio=(1.0, 3.0), wide_ratio=(0.5, 1.5))


@dataclass(frozen=True)
class Problem:
    product: str
    lot: str  # "" = product-wide
    event: str
    onset: dt.date
    end: dt.date
    extra: float  # added reports a day at full strength
    kind: str  # lot | new-lot | product


@dataclass(frozen=True)
class Burst:
    product: str
    lot: str
    event: str
    reporter: str
    start: dt.date
    days: int
    reports: int


@dataclass
class Stream:
    seed: int
    start: dt.date
    days: int
    series: int  # product x event series
    rows: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bursts: list[Burst] = field(default_factory=list)


@dataclass
class _Product:
    name: str
    launch: int
    volume: np.ndarray  # reports a day over all events, per day, calendar included
    events: list[str]
    rates: np.ndarray  # (events,) share of volume
    lot_names: list[str]
    weights: np.ndarray  # (days, lots) exposure weights
    missing: float
    shares: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def add_lot(self, rng: np.random.Generator, launch: int) -> str:
        name = f"{self.name}-L{len(self.lot_names):03d}"
        self.lot_names.append(name)
        days = self.weights.shape[0]
        self.weights = np.column_stack([self.weights, _exposure(rng, launch, days)])
        return name

    def settle(self) -> None:
        total = self.weights.sum(axis=1, keepdims=True)
        self.shares = np.divide(
            self.weights, total, out=np.zeros_like(self.weights), where=total > 0
        )


def _calendar(start: dt.date, days: int) -> np.ndarray:
    """Season x holidays (with next-day catch-up) per day; weekday is per product."""
    cal = np.ones(days)
    for i in range(days):
        d = start + dt.timedelta(i)
        cal[i] = 1.0 + 0.15 * np.sin(2 * np.pi * (d.timetuple().tm_yday - 30) / 365.25)
    for i in range(days):
        if _holiday(start + dt.timedelta(i)):
            cal[i] *= 0.3
            if i + 1 < days:
                cal[i + 1] *= 1.4
    return cal


def _holiday(d: dt.date) -> bool:
    thanksgiving = d.month == 11 and d.weekday() == 3 and 22 <= d.day <= 28
    fixed = {(1, 1), (7, 4), (12, 24), (12, 25), (12, 26), (12, 31)}
    return (d.month, d.day) in fixed or thanksgiving


def _exposure(rng: np.random.Generator, launch: float, days: int) -> np.ndarray:
    age = np.arange(days) - launch
    plateau = rng.uniform(120, 300)
    curve = np.clip(age / 30.0, 0.0, 1.0) * np.exp(-np.clip(age - plateau, 0, None) / 90.0)
    return np.asarray(rng.lognormal(0, 0.5) * curve)


def _lots(rng: np.random.Generator, name: str, days: int) -> tuple[list[str], np.ndarray]:
    """Lot names and their (days, lots) exposure weights."""
    launches = list(rng.uniform(-400, -10, int(rng.integers(3, 8))))
    t = float(rng.exponential(45))
    while t < days:
        launches.append(t)
        t += float(rng.exponential(45))
    launches.sort()
    names = [f"{name}-L{i:03d}" for i in range(len(launches))]
    return names, np.stack([_exposure(rng, launch, days) for launch in launches], axis=1)


def _product(
    rng: np.random.Generator, i: int, days: int, cal: np.ndarray, n_events: int
) -> _Product:
    name = f"P{i:03d}"
    launch = int(rng.integers(0, 300)) if rng.random() < 0.15 else 0
    t = np.arange(days)
    weekday = WEEKDAY * rng.lognormal(0, 0.1, 7)
    weekday = weekday / weekday.mean()
    dow = (np.arange(days) + START.weekday()) % 7
    volume = rng.lognormal(np.log(1.2), 1.0) * np.exp(rng.normal(0, 0.25) * t / 365.0)
    volume = volume * cal * weekday[dow] * rng.gamma(25.0, 1 / 25.0, days) * (t >= launch)
    events = [EVENTS[j] for j in rng.choice(len(EVENTS), n_events, replace=False)]
    rates = rng.lognormal(0, 1.2, n_events)
    lot_names, weights = _lots(rng, name, days)
    missing = float(rng.uniform(0.1, 0.4))
    return _Product(name, launch, volume, events, rates / rates.sum(), lot_names, weights, missing)


class _Writer:
    """Turns draws into rows: reporters (new, repeat or follow-up) and lots by exposure."""

    def __init__(self, rng: np.random.Generator, stream: Stream) -> None:
        self.rng, self.stream, self.next_id = rng, stream, 0
        self.dates = [(stream.start + dt.timedelta(i)).isoformat() for i in range(stream.days)]

    def lot_for(self, product: _Product, i: int) -> str:
        share = product.shares[i]
        if self.rng.random() < product.missing or share.sum() <= 0:
            return ""
        return product.lot_names[int(self.rng.choice(len(share), p=share))]

    def report(self, product: _Product, i: int, event: str, lot: str, repeat: bool = True) -> None:
        rng = self.rng
        if repeat and rng.random() < 0.08:
            reporter = f"PH-{product.name}-{int(rng.integers(25))}"
        else:
            self.next_id += 1
            reporter = f"R{self.stream.seed}-{self.next_id}"
        self.stream.rows.append((self.dates[i], product.name, lot, event, reporter))
        if rng.random() < 0.07:
            j = i + int(rng.integers(0, 15))
            if j < self.stream.days:
                self.stream.rows.append((self.dates[j], product.name, lot, event, reporter))

    def background(self, product: _Product) -> None:
        counts = self.rng.poisson(np.outer(product.rates, product.volume))
        for e, i in zip(*np.nonzero(counts), strict=True):
            for _ in range(int(counts[e, i])):
                self.report(product, int(i), product.events[e], self.lot_for(product, int(i)))


def generate(
    seed: int,
    products: int = 200,
    events_per_product: int = 12,
    days: int = 548,
    problems: int = 40,
    bursts: int = 30,
    strength: Strength = STRONG,
) -> Stream:
    """One seeded stream with its truth; `problems=0` gives a null stream (bursts stay)."""
    rng = np.random.default_rng(seed)
    stream = Stream(seed, START, days, products * events_per_product)
    cal = _calendar(START, days)
    catalogue = [_product(rng, i, days, cal, events_per_product) for i in range(products)]
    plans = _plan_problems(rng, catalogue, problems, days, strength)
    for product in catalogue:
        product.settle()
    writer = _Writer(rng, stream)
    for product in catalogue:
        writer.background(product)
    for plan in plans:
        stream.problems.append(_plant(rng, writer, plan))
    taken = {(p.product, p.event) for p in stream.problems}
    stream.bursts.extend(_bursts(rng, writer, catalogue, bursts, taken))
    stream.rows.sort(key=lambda r: r[0])
    return stream


@dataclass
class _Plan:
    product: _Product
    event: int
    kind: str
    onset: int
    end: int
    lot: str
    ratio: float
    floor: float


def _plan_problems(
    rng: np.random.Generator, catalogue: list[_Product], n: int, days: int, strength: Strength
) -> list[_Plan]:
    """Choose where problems start (before background reports, so a new lot has exposure)."""
    plans: list[_Plan] = []
    taken: set[tuple[str, int]] = set()
    for _ in range(200 * n):
        if len(plans) >= n:
            break
        product = catalogue[int(rng.integers(len(catalogue)))]
        onset, e = int(rng.integers(150, days - 60)), int(rng.integers(len(product.events)))
        if onset - product.launch < 120 or (product.name, e) in taken:
            continue
        kind = str(rng.choice(["lot", "new-lot", "product"], p=[0.55, 0.2, 0.25]))
        lot = ""
        if kind == "lot":
            weights = product.weights[onset]
            candidates = np.nonzero(weights >= 0.05 * weights.sum())[0]
            if not len(candidates) or weights.sum() <= 0:
                continue
            lot = product.lot_names[int(rng.choice(candidates))]
        elif kind == "new-lot":
            lot = product.add_lot(rng, onset)
        end = min(days, onset + int(rng.integers(45, 181)))
        ratio = rng.uniform(*(strength.wide_ratio if kind == "product" else strength.lot_ratio))
        floor = rng.uniform(*strength.floor)
        plans.append(_Plan(product, e, kind, onset, end, lot, ratio, floor))
        taken.add((product.name, e))
    return plans


def _plant(rng: np.random.Generator, writer: _Writer, plan: _Plan) -> Problem:
    """Add the problem's excess reports, each from a new reporter."""
    product, i0, i1 = plan.product, plan.onset, plan.end
    before = product.volume[i0 - 28 : i0].mean()
    level = product.rates[plan.event] * before
    if plan.kind != "product":
        column = product.lot_names.index(plan.lot)
        level *= product.shares[min(i0 + 30, len(product.shares) - 1), column]
    extra = max(plan.floor, plan.ratio * level)
    t = np.arange(i0, i1)
    shape = product.volume[i0:i1] / before
    if plan.kind == "new-lot":
        shape = shape * np.clip((t - i0 + 1) / 14.0, 0.0, 1.0)
    event = product.events[plan.event]
    for i, count in zip(t, rng.poisson(extra * shape), strict=True):
        for _ in range(int(count)):
            if plan.kind == "product":
                lot = writer.lot_for(product, int(i))
            else:
                lot = "" if rng.random() < product.missing else plan.lot
            writer.report(product, int(i), event, lot, repeat=False)
    onset, end = writer.stream.start + dt.timedelta(i0), writer.stream.start + dt.timedelta(i1)
    return Problem(product.name, plan.lot, event, onset, end, float(extra), plan.kind)


def _bursts(
    rng: np.random.Generator,
    writer: _Writer,
    catalogue: list[_Product],
    n: int,
    taken: set[tuple[str, str]],
) -> list[Burst]:
    """One reporter, 5-20 reports about one product x lot x event, on one day or over a week."""
    stream, found = writer.stream, list[Burst]()
    while len(found) < n:
        product = catalogue[int(rng.integers(len(catalogue)))]
        event = product.events[int(rng.integers(len(product.events)))]
        if (product.name, event) in taken or product.launch + 90 >= stream.days - 7:
            continue
        start = int(rng.integers(product.launch + 90, stream.days - 7))
        share = product.shares[start]
        lot = ""
        if rng.random() >= 0.2 and share.sum() > 0:
            lot = product.lot_names[int(rng.choice(len(share), p=share))]
        spread, reports = (1 if rng.random() < 0.5 else 7), int(rng.integers(5, 21))
        reporter = f"B{stream.seed}-{len(found)}"
        for _ in range(reports):
            i = start + int(rng.integers(spread))
            stream.rows.append((writer.dates[i], product.name, lot, event, reporter))
        taken.add((product.name, event))
        begin = stream.start + dt.timedelta(start)
        found.append(Burst(product.name, lot, event, reporter, begin, spread, reports))
    return found
