"""The engine's plain-Python tails agree with scipy's negative binomial and beta-binomial, down to
the tiny probabilities the thresholds live at."""

from __future__ import annotations

import pytest
from scipy import stats

from caredesk.insights.signals.trend_stats import betabinom_upper_tail, nb_upper_tail


@pytest.mark.parametrize(
    ("count", "shape", "exposure"),
    [(3, 0.5, 0.01), (5, 40.5, 0.002), (12, 3.0, 0.4), (150, 200.0, 0.5), (1, 1.0, 1.0)],
)
def test_negative_binomial_upper_tail(count: int, shape: float, exposure: float) -> None:
    # scipy's nbinom(n, p) counts failures before n successes with success probability p
    expected = stats.nbinom.sf(count - 1, shape, 1.0 / (1.0 + exposure))
    assert nb_upper_tail(count, shape, exposure) == pytest.approx(expected, rel=1e-7)


@pytest.mark.parametrize(
    ("count", "trials", "a", "b"),
    [(3, 3, 2.0, 8.0), (7, 9, 30.5, 60.5), (1, 10, 0.5, 0.5), (40, 100, 20.0, 80.0)],
)
def test_beta_binomial_upper_tail(count: int, trials: int, a: float, b: float) -> None:
    expected = stats.betabinom.sf(count - 1, trials, a, b)
    assert betabinom_upper_tail(count, trials, a, b) == pytest.approx(expected, rel=1e-7)


def test_edges() -> None:
    assert nb_upper_tail(0, 1.0, 1.0) == 1.0
    assert nb_upper_tail(3, 1.0, 0.0) == 0.0
    assert betabinom_upper_tail(0, 5, 1.0, 1.0) == 1.0
    assert betabinom_upper_tail(6, 5, 1.0, 1.0) == 0.0
