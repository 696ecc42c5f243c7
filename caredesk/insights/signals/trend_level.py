"""Lot or product-wide? The level at which a window's excess is raised.

When a window of a product x event is high (the product-wide test or a lot's test fired), two
explanations compete for how the window's reports with a lot fell among the lots (n of them):

- **product-wide**: the excess is spread like the exposure, so lot L's count is beta-binomial
  with L's exposure share (a Beta from its reports of other events, see `TrendEngine._share`);
- **lot L**: the background is spread like the exposure and an excess `x` sits in lot L, so L's
  probability is pi_L (1 - x/n) + x/n (the same Beta, moved and narrowed accordingly).

Given L's count, the other lots share the rest by their relative exposure under both, so the
likelihood ratio depends on L's count alone. The excess is the product-wide excess over
expectation (its part with a lot), at most L's count and at least L's count over its share. The
share's uncertainty is kept (a lot with little exposure data gives weak evidence either way).

The best lot's log-likelihood ratio decides: above log(bayes_factor x lots in the window) (the
best of several lots needs more evidence than one) it is that lot (raised once it has the
minimum of distinct reporters), below half that it is product-wide, in between the engine waits
for the next report. So a problem in one lot is raised on that lot and a
product-wide rise is not split into lot alerts by chance concentrations.
"""

from __future__ import annotations

from enum import StrEnum
from math import log

from caredesk.insights.signals.trend_stats import betabinom_logpmf


class Level(StrEnum):
    PRODUCT = "product"
    LOT = "lot"
    WAIT = "wait"


def _moved(a: float, b: float, f: float) -> tuple[float, float]:
    """Beta(a, b) of pi mapped to pi (1 - f) + f, moment-matched to a Beta."""
    mean, n = a / (a + b), a + b
    var = mean * (1.0 - mean) / (n + 1.0) * (1.0 - f) ** 2
    moved = mean * (1.0 - f) + f
    kappa = max(moved * (1.0 - moved) / max(var, 1e-12) - 1.0, 1e-6)
    return max(moved * kappa, 1e-6), max((1.0 - moved) * kappa, 1e-6)


def lot_gain(count: int, trials: int, share: tuple[float, float], excess: float) -> float:
    """log-likelihood ratio of "the excess is in this lot" against "it is product-wide"."""
    a, b = share
    x = min(float(count), max(excess, count - a / (a + b) * trials, 0.0))
    if x <= 0.0 or trials <= 0:
        return 0.0
    a2, b2 = _moved(a, b, min(x / trials, 1.0 - 1e-9))
    return betabinom_logpmf(count, trials, a2, b2) - betabinom_logpmf(count, trials, a, b)


def choose_level(
    counts: dict[str, int],
    shares: dict[str, tuple[float, float]],
    excess: float,
    bayes_factor: float,
) -> tuple[Level, str]:
    """(level, lot) from the window's distinct-reporter counts per lot and their share Betas."""
    trials = sum(counts.values())
    if trials <= 0:  # no report in the window names a lot
        return Level.PRODUCT, ""
    best, best_gain = "", 0.0
    for lot, count in sorted(counts.items()):
        gain = lot_gain(count, trials, shares[lot], excess)
        if gain > best_gain:
            best, best_gain = lot, gain
    needed = log(bayes_factor * len(counts))  # each of the lots was a candidate
    if best_gain > needed:
        return Level.LOT, best
    return (Level.WAIT, best) if best_gain > needed / 2 else (Level.PRODUCT, "")
