"""The engine's plain-Python negative binomial tail and beta-binomial log-pmf agree with scipy,
down to the tiny probabilities the thresholds live at."""

from __future__ import annotations

import pytest
from scipy import stats

from caredesk.insights.signals.trend_level import Level, choose_level, lot_gain
from caredesk.insights.signals.trend_stats import betabinom_logpmf, nb_upper_tail


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
def test_beta_binomial_log_pmf(count: int, trials: int, a: float, b: float) -> None:
    expected = stats.betabinom.logpmf(count, trials, a, b)
    assert betabinom_logpmf(count, trials, a, b) == pytest.approx(expected, rel=1e-9)


def test_edges() -> None:
    assert nb_upper_tail(0, 1.0, 1.0) == 1.0
    assert nb_upper_tail(3, 1.0, 0.0) == 0.0


def test_a_lot_holding_the_excess_is_told_from_a_product_wide_rise() -> None:
    shares = {"L1": (10.0, 30.0), "L2": (10.0, 30.0), "L3": (20.0, 20.0)}
    lot_problem = {"L1": 12, "L2": 2, "L3": 4}  # L1 (25% of exposure) holds 12 of 18
    assert choose_level(lot_problem, shares, excess=9.0, bayes_factor=20.0) == (Level.LOT, "L1")
    spread = {"L1": 5, "L2": 4, "L3": 9}  # the same 18 reports, as the exposure says
    assert choose_level(spread, shares, excess=9.0, bayes_factor=20.0) == (Level.PRODUCT, "")
    assert lot_gain(0, 0, (1.0, 1.0), 3.0) == 0.0


def test_a_window_with_no_report_naming_a_lot_is_product_wide() -> None:
    assert choose_level({}, {}, excess=5.0, bayes_factor=20.0) == (Level.PRODUCT, "")
