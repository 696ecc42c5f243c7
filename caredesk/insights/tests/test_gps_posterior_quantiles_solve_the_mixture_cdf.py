"""EB05/EB95 are the 5th/95th percentiles of the posterior gamma mixture, for every pair at once.

Checked against scipy's scalar root finder on the mixture CDF for pairs from N = 1 to 500 and
E from 1e-4 to 1e3, including weights near 0 and 1.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import brentq
from scipy.stats import gamma

from caredesk.insights.signals import gps


def _scalar_quantile(level: float, prior: gps.Prior, qn: float, n: float, e: float) -> float:
    def excess(x: float) -> float:
        g1 = gamma.cdf(x, prior.alpha1 + n, scale=1 / (prior.beta1 + e))
        g2 = gamma.cdf(x, prior.alpha2 + n, scale=1 / (prior.beta2 + e))
        return float(qn * g1 + (1 - qn) * g2 - level)

    return float(brentq(excess, 1e-12, 1e6, xtol=1e-14, rtol=1e-12))


def test_quantiles_match_a_scalar_root_finder() -> None:
    rng = np.random.default_rng(7)
    n = np.concatenate(([1, 1, 2, 500], rng.integers(1, 60, 200))).astype(float)
    e = np.concatenate(([1e-4, 1e3, 0.5, 3.0], 10 ** rng.uniform(-4, 3, 200)))
    for prior in (gps.Prior(0.2, 0.1, 2.0, 4.0, 1 / 3), gps.Prior(3.25, 0.4, 2.03, 1.91, 0.065)):
        post = gps.posterior(prior, n, e)
        for i in range(len(n)):
            for level, got in ((0.05, post.eb05[i]), (0.95, post.eb95[i])):
                want = _scalar_quantile(level, prior, post.qn[i], n[i], e[i])
                assert got == pytest.approx(want, rel=1e-8)
            assert post.eb05[i] < post.ebgm[i] < post.eb95[i]


def test_a_one_component_prior_is_the_gamma_posterior() -> None:
    n, e = np.array([3.0, 10.0]), np.array([0.7, 2.5])
    post = gps.posterior(gps.Prior(1.0, 1.0, 2.0, 3.0, 0.0), n, e)
    assert post.qn == pytest.approx([0.0, 0.0])
    assert post.eb05 == pytest.approx(gamma.ppf(0.05, 2.0 + n, scale=1 / (3.0 + e)), rel=1e-10)
