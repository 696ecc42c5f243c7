"""Probe the trend engine's family of window tests (decision 0012, 2026-12-05, second session).

`python -m bench.trend_probe [--seeds 1,2,3,4] [--null-seeds 11,12,13,14,15,16]` runs the
engine in its trace mode (every test is run, nothing is raised, so a series keeps being tested)
and keeps every window test with a p-value under 1e-2. It prints:

- **how many windows fire together**, on the null streams, per level: for a threshold a, the
  test-days (series x day) whose smallest p is under a, the window tests under a, and their
  ratio (7 would mean the seven windows move together and one threshold on their minimum would
  pay for one test, 1 that each fires alone), and which window holds the smallest p;
- **what a looser threshold would buy**: the first day within 60 days of onset on which a
  planted problem's own series has a test under k x its level's alpha (k = 1, 3, 10, 30, 100),
  as detection and median delay per kind (the level rules are not applied; on the calibration
  seeds they cost almost nothing, see 0012), next to the number of series without a problem
  (null streams, and product x events of planted streams without a problem) that would fire.

Takes about a minute per three streams. Seeds as in `python -m bench trend`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
from collections import Counter, defaultdict
from typing import NamedTuple

from bench.trend_bench import _by_day, _seeds
from bench.trend_streams import Stream, generate
from caredesk.insights.signals.trend import TrendEngine
from caredesk.insights.signals.trend_params import Alert
from caredesk.insights.signals.trend_stats import Estimate

KEEP = 1e-2
FACTORS = (1, 3, 10, 30, 100)


class Test(NamedTuple):
    seed: int
    product: str
    lot: str
    event: str
    day: int
    window: int
    p: float


class _Probe(TrendEngine):
    """The engine with every window test under `KEEP` logged; it never raises (trace mode)."""

    def __init__(self, seed: int) -> None:
        super().__init__()
        self.trace = []
        self.seed = seed
        self.tests: list[Test] = []
        self._where: tuple[str, str, int] = ("", "", 0)
        self._window, self._lot = 0, ""

    def _test_pair(
        self, product: str, event: str, d: int, lots: set[str], wide: bool
    ) -> list[Alert]:
        self._where = (product, event, d)
        return super()._test_pair(product, event, d, lots, wide)

    def _length(self, product: str, d: int, w: int) -> float:
        self._window, self._lot = w, ""  # called once per window, before its tests
        return super()._length(product, d, w)

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
        self._lot = lot
        try:
            return super()._lot_p(product, lot, event, d, w, count, rate, length)
        finally:
            self._lot = ""

    def _window_p(self, count: int, expect: Estimate) -> float:
        p = super()._window_p(count, expect)
        if p < KEEP:
            product, event, d = self._where
            self.tests.append(Test(self.seed, product, self._lot, event, d, self._window, p))
        return p


def probe(stream: Stream) -> list[Test]:
    engine = _Probe(stream.seed)
    for day, rows in _by_day(stream):
        engine.add_day(day, rows)
    return engine.tests


def co_firing(tests: list[Test], lot_level: bool) -> None:
    """Print, per threshold, test-days under it, window tests under it, and their ratio."""
    days: dict[tuple[int, str, str, str, int], dict[int, float]] = defaultdict(dict)
    for t in tests:
        if bool(t.lot) == lot_level:
            days[(t.seed, t.product, t.lot, t.event, t.day)][t.window] = t.p
    print("lot" if lot_level else "product-wide", "series, null streams:")
    for a in (1e-3, 1e-4, 1e-5, 1e-6):
        low = [ps for ps in days.values() if min(ps.values()) < a]
        windows = sum(sum(1 for p in ps.values() if p < a) for ps in low)
        argmin = Counter(min(ps, key=lambda w: ps[w]) for ps in low)
        print(
            f"  p < {a:g}: {len(low)} test-days, {windows} window tests, "
            f"{windows / max(len(low), 1):.2f} windows a test-day; smallest p in window "
            + ", ".join(f"{w}: {n}" for w, n in sorted(argmin.items()))
        )


def _alpha(lot: str, k: float) -> float:
    params = TrendEngine().params
    return k * (params.alpha_lot if lot else params.alpha_product)


def looser(planted: dict[int, Stream], tests: list[Test], null_tests: list[Test]) -> None:
    """Print first-firing detection and delays at k x alpha, and the series that would fire."""
    own: dict[tuple[int, str, str, str], list[Test]] = defaultdict(list)
    for t in tests:
        own[(t.seed, t.product, t.lot, t.event)].append(t)
    problem_pairs = {(s, p.product, p.event) for s, st in planted.items() for p in st.problems}
    unrelated = [t for t in tests if (t.seed, t.product, t.event) not in problem_pairs]
    for k in FACTORS:
        kinds: dict[str, list[int]] = defaultdict(list)
        for seed, stream in planted.items():
            for p in stream.problems:
                onset = p.onset.toordinal()
                fired = [
                    t.day - onset
                    for t in own[(seed, p.product, p.lot, p.event)]
                    if 0 <= t.day - onset <= 60 and t.p < _alpha(p.lot, k)
                ]
                kinds[p.kind].append(min(fired, default=-1))
        found = [d for ds in kinds.values() for d in ds if d >= 0]
        per_kind = "; ".join(
            f"{kind} {statistics.median([d for d in ds if d >= 0] or [0])}"
            for kind, ds in sorted(kinds.items())
        )
        fire = {t[:4] for t in null_tests + unrelated if t.p < _alpha(t.lot, k)}
        print(
            f"  {k:>3} x alpha: found {len(found)}/{sum(map(len, kinds.values()))}, median "
            f"{statistics.median(found) if found else None} ({per_kind}); "
            f"series without a problem firing: {len(fire)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=_seeds, default=(1, 2, 3, 4))
    parser.add_argument("--null-seeds", type=_seeds, default=(11, 12, 13, 14, 15, 16))
    args = parser.parse_args(argv)
    started = dt.datetime.now()
    planted = {seed: generate(seed) for seed in args.seeds}
    tests = [t for stream in planted.values() for t in probe(stream)]
    null_tests = [t for seed in args.null_seeds for t in probe(generate(seed, problems=0))]
    co_firing(null_tests, lot_level=True)
    co_firing(null_tests, lot_level=False)
    print("first test under k x alpha on a problem's own series (median delay by kind):")
    looser(planted, tests, null_tests)
    print(f"({(dt.datetime.now() - started).total_seconds():.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
