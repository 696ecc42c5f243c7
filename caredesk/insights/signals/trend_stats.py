"""Upper-tail probabilities for the trend engine, in plain Python (no numpy at run time).

The engine asks two questions of a window of distinct-reporter counts:

- *Is the count high for this series?* The baseline rate is only an estimate from a finite
  history, so the count is judged against the Gamma-Poisson (negative binomial) predictive
  distribution, not a Poisson with the rate plugged in. A short or empty history gives a wide
  predictive and a conservative test; that is what lets one threshold serve a product with years
  of history and a lot launched last week.
- *Is it this lot rather than the whole product?* Given the product's count in the window, the
  lot's count is beta-binomial with the lot's exposure share as a Beta (`betabinom_logpmf`, used
  by `trend_level`).

The tail is summed upward from the observed count with a term recurrence (the terms fall
geometrically once the count is above the mean, which the engine checks first), so tiny
probabilities (1e-9) keep their relative precision instead of vanishing in `1 - cdf`.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import exp, lgamma, log


@dataclass(frozen=True)
class Estimate:
    """A positive quantity known up to a relative error: its mean and squared CV."""

    mean: float
    cv2: float

    def times(self, other: Estimate) -> Estimate:
        """Product of two independent estimates (moments of a product, matched to a Gamma)."""
        return Estimate(self.mean * other.mean, (1.0 + self.cv2) * (1.0 + other.cv2) - 1.0)

    def scaled(self, factor: float) -> Estimate:
        return Estimate(self.mean * factor, self.cv2)


@dataclass(frozen=True)
class ShareBeta:
    """A lot's exposure share as a Beta(a, b)."""

    a: float
    b: float

    @property
    def expect(self) -> Estimate:
        n = self.a + self.b
        return Estimate(self.a / n, self.b / (self.a * (n + 1.0)))

    def loosened(self, weight: float) -> ShareBeta:
        """The same mean with at most `weight` pseudo-reports behind it (a wider Beta)."""
        n = self.a + self.b
        if n <= weight:
            return self
        return ShareBeta(self.a * weight / n, self.b * weight / n)


_REL_TOL = 1e-10
_MAX_TERMS = 100_000


def nb_upper_tail(count: int, shape: float, exposure_per_rate: float) -> float:
    """P(X >= count) for X ~ Poisson(lam * t), lam ~ Gamma(shape, rate=1/...).

    `shape` is the Gamma shape of the rate posterior; `exposure_per_rate` is the window exposure
    divided by the Gamma rate (w / (T + b0)), so the predictive is negative binomial with success
    probability q = e / (1 + e) per failure: pmf(k) = C(k + r - 1, k) (1 - q)^r q^k.
    """
    if count <= 0:
        return 1.0
    if exposure_per_rate <= 0.0:
        return 0.0
    q = exposure_per_rate / (1.0 + exposure_per_rate)
    r = shape
    log_term = lgamma(count + r) - lgamma(r) - lgamma(count + 1) + r * log(1.0 - q) + count * log(q)
    term = exp(log_term)
    total = term
    k = count
    for _ in range(_MAX_TERMS):
        term *= (k + r) / (k + 1) * q
        k += 1
        total += term
        if term < total * _REL_TOL:
            break
    return min(total, 1.0)


def predictive_tail(count: int, expect: Estimate, drift_cv: float) -> float:
    """P(X >= count) for X negative binomial with the estimate's mean, its spread plus drift."""
    cv2 = (1.0 + expect.cv2) * (1.0 + drift_cv**2) - 1.0
    return nb_upper_tail(count, 1.0 / cv2, expect.mean * cv2)


def betabinom_logpmf(count: int, trials: int, a: float, b: float) -> float:
    """log P(X = count) for X ~ BetaBinomial(trials, a, b)."""
    return (
        lgamma(trials + 1)
        - lgamma(count + 1)
        - lgamma(trials - count + 1)
        + lgamma(count + a)
        + lgamma(trials - count + b)
        - lgamma(trials + a + b)
        + lgamma(a + b)
        - lgamma(a)
        - lgamma(b)
    )
