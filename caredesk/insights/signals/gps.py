"""DuMouchel's Gamma-Poisson Shrinker (GPS): the two-gamma prior, its fit, and the posterior.

Model (DuMouchel 1999, "Bayesian data mining in large frequency tables", Am. Stat. 53:177-190;
as implemented by openEBGM, Canida & Ihrie 2017, R Journal 9(2):499-519). For a product x event
pair with N reports observed and E expected, N ~ Poisson(λE) and λ has the prior

    π(λ) = P·Gamma(λ; a1, b1) + (1 - P)·Gamma(λ; a2, b2)      (shape a, rate b)

so N is marginally a mixture of negative binomials, NB(N; size a, prob b/(b + E)). Only
observed pairs (N ≥ N* = 1) enter the fit, so each component is truncated at zero:
f*(N) = f(N) / (1 - f(0)), with f(0) = (b/(b + E))^a. θ = (a1, b1, a2, b2, P) maximises

    log L(θ) = Σ w · log[P·f1*(N) + (1 - P)·f2*(N)]

(w = how many pairs share one (N, E)). This is openEBGM's `negLL` with N* = 1, and the value
reported as `neg_log_likelihood` (its 4162.456 on CAERS is reproduced by the tests).

Fit. The optimiser works on x = (log a1, log b1, log a2, log b2, logit P) with the analytic
gradient (L-BFGS-B, bounded far from any realistic value only to avoid overflow). Like
openEBGM's `autoHyper`, it starts from several points (openEBGM's five defaults and
DuMouchel's); those runs use a squashed copy of the data (per N, E averaged within equal-count
bins, as openEBGM's `squashData`) when there are many distinct (N, E). The best run is then
polished on the exact, unsquashed likelihood, so the result is the maximum-likelihood estimate
on the observed pairs. Labels are put in one order: component 1 is the one with P ≤ 0.5.

Posterior (unchanged by the truncation). λ | N is a mixture of Gamma(a1 + N, b1 + E) and
Gamma(a2 + N, b2 + E) with weight Qn = P·f1(N) / (P·f1(N) + (1 - P)·f2(N)) (untruncated f);
EBGM = exp(E[log λ | N]) = exp(Qn(ψ(a1 + N) - log(b1 + E)) + (1 - Qn)(ψ(a2 + N) - log(b2 + E))),
and EB05 / EB95 are the 5th / 95th percentiles of that mixture, found for all pairs at once by a
bracketed Newton iteration on the mixture CDF (the bracket: the two components' own quantiles).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize
from scipy.special import digamma, gammainc, gammaincinv, gammaln
from threadpoolctl import threadpool_limits

Array = NDArray[np.float64]

# openEBGM's default starting points (vignette 3) and DuMouchel's (1999).
STARTS = (
    (0.2, 0.1, 2.0, 4.0, 1 / 3),
    (0.1, 0.2, 10.0, 10.0, 0.2),
    (0.3, 0.5, 6.0, 6.0, 0.5),
    (0.5, 0.3, 12.0, 12.0, 0.8),
    (0.2, 0.2, 5.0, 5.0, 0.4),
    (0.2, 0.06, 1.4, 1.8, 0.1),
)
LOG_BOUND = 14.0  # a, b within e^±14 (1e-6 … 1.2e6): only to keep exp() finite
LOGIT_BOUND = 20.0
SQUASH_ABOVE = 4000  # distinct (N, E) beyond which the multi-start runs on squashed data
SQUASH_BINS = 200  # bins per N value when squashing


@dataclass(frozen=True)
class Prior:
    """θ of the two-gamma mixture prior: shape a and rate b of each component, weight P of 1."""

    alpha1: float
    beta1: float
    alpha2: float
    beta2: float
    p: float

    def canonical(self) -> Prior:
        """The same prior with component 1 the lighter one (P ≤ 0.5), as openEBGM reports."""
        if self.p <= 0.5:
            return self
        return Prior(self.alpha2, self.beta2, self.alpha1, self.beta1, 1.0 - self.p)

    def as_x(self) -> Array:
        """The optimiser's coordinates; P = 0 or 1 (a one-gamma prior) gives logit ∓inf."""
        with np.errstate(divide="ignore"):
            logit = np.log(self.p) - np.log1p(-self.p)
        return np.array(
            [
                np.log(self.alpha1),
                np.log(self.beta1),
                np.log(self.alpha2),
                np.log(self.beta2),
                logit,
            ]
        )

    @classmethod
    def from_x(cls, x: Array) -> Prior:
        a1, b1, a2, b2 = np.exp(x[:4]).tolist()
        return cls(a1, b1, a2, b2, float(1.0 / (1.0 + np.exp(-x[4]))))


@dataclass(frozen=True)
class Fit:
    prior: Prior
    neg_log_likelihood: float
    runs: int  # optimiser runs (starts + polish)


@dataclass
class PairData:
    """Distinct (N, E) with their multiplicities; log N! and the distinct N are precomputed."""

    n: Array
    e: Array
    w: Array

    def __post_init__(self) -> None:
        self.n_values, self.n_index = np.unique(self.n, return_inverse=True)
        self.log_n_fact = gammaln(self.n + 1.0)
        self.log_e = np.log(self.e)


def _component(a: float, b: float, d: PairData) -> tuple[Array, Array, Array]:
    """Truncated log NB density of each row and its derivatives in a and b."""
    log_be = np.log(b + d.e)
    u = np.log(b) - log_be  # log(b/(b+E)) ≤ 0
    au = a * u
    one_minus_q = -np.expm1(au)
    log_f = (gammaln(a + d.n_values) - gammaln(a))[d.n_index] - d.log_n_fact
    log_f += au + d.n * (d.log_e - log_be)
    log_f -= np.log(one_minus_q)
    # q / (1 - q), for the truncation's derivative; exp clamped above the subnormal range,
    # whose arithmetic is ~100x slower on x86 (the term is < 1e-260 there either way)
    ratio = np.exp(np.maximum(au, -700.0)) / one_minus_q
    d_a = (digamma(a + d.n_values) - digamma(a))[d.n_index] + u * (1.0 + ratio)
    du_db = d.e / (b * (b + d.e))
    d_b = a / b - (a + d.n) / (b + d.e) + ratio * a * du_db
    return log_f, d_a, d_b


def _nll_and_grad(x: Array, d: PairData) -> tuple[float, Array]:
    prior = Prior.from_x(x)
    lf1, da1, db1 = _component(prior.alpha1, prior.beta1, d)
    lf2, da2, db2 = _component(prior.alpha2, prior.beta2, d)
    l1 = lf1 - np.logaddexp(0.0, -x[4])  # + log P
    l2 = lf2 - np.logaddexp(0.0, x[4])  # + log(1 - P)
    ll = np.logaddexp(l1, l2)
    r1 = np.exp(np.maximum(l1 - ll, -700.0))  # responsibility of component 1 (no subnormals)
    w1, w2 = d.w * r1, d.w * (1.0 - r1)
    grad = -np.array(
        [
            prior.alpha1 * _dot(w1, da1),
            prior.beta1 * _dot(w1, db1),
            prior.alpha2 * _dot(w2, da2),
            prior.beta2 * _dot(w2, db2),
            _dot(d.w, r1 - prior.p),
        ]
    )
    return -_dot(d.w, ll), grad


def _dot(a: Array, b: Array) -> float:
    """Σ a·b without BLAS: OpenBLAS threads a dot over ~10,000 elements, and on a busy 2-core
    machine waking those threads cost 90 ms per call where the sum itself takes 0.02 ms."""
    return float(np.einsum("i,i->", a, b))


def neg_log_likelihood(prior: Prior, n: Array, e: Array) -> float:
    """openEBGM's negative log-likelihood (N* = 1) of θ on the observed pairs."""
    return _nll_and_grad(prior.as_x(), PairData(n, e, np.ones_like(n)))[0]


BOUNDS = [(-LOG_BOUND, LOG_BOUND)] * 4 + [(-LOGIT_BOUND, LOGIT_BOUND)]
LOWER, UPPER = np.array([b[0] for b in BOUNDS]), np.array([b[1] for b in BOUNDS])


def _minimise(x0: Array, d: PairData, maxiter: int = 1000) -> tuple[Array, float]:
    result = minimize(
        _nll_and_grad,
        np.clip(x0, LOWER, UPPER),
        args=(d,),
        jac=True,
        method="L-BFGS-B",
        bounds=BOUNDS,
        options={"maxiter": maxiter, "ftol": 1e-14, "gtol": 1e-9},
    )
    return np.asarray(result.x), float(result.fun)


def _hessian(x: Array, d: PairData, step: float = 1e-4) -> Array:
    """Central differences of the analytic gradient, symmetrised and made positive definite."""
    rows = []
    for k in range(len(x)):
        dx = np.zeros_like(x)
        dx[k] = step
        rows.append((_nll_and_grad(x + dx, d)[1] - _nll_and_grad(x - dx, d)[1]) / (2 * step))
    values, vectors = np.linalg.eigh((np.array(rows) + np.array(rows).T) / 2)
    values = np.maximum(values, max(values.max(), 1.0) * 1e-10)
    return np.asarray((vectors * values) @ vectors.T)


def _polish(x: Array, rough: PairData, exact: PairData) -> tuple[Array, float, int]:
    """Newton steps on the exact likelihood with the squashed data's Hessian.

    The squashed optimum is close and its curvature nearly the exact one, so each step is one
    exact evaluation and a handful suffice. It stops when the Newton decrement says less than
    1e-7 is left to gain (the sum over 10^5-10^6 pairs is only that exact); L-BFGS-B
    finishes, from there, if a step fails to descend."""
    hessian = _hessian(x, rough)
    value, grad = _nll_and_grad(x, exact)
    evaluations = 1
    for _ in range(40):
        step = -np.linalg.solve(hessian, grad)
        if -(grad @ step) < 1e-7:
            break
        for _ in range(20):
            x_new = np.clip(x + step, LOWER, UPPER)
            new_value, new_grad = _nll_and_grad(x_new, exact)
            evaluations += 1
            if new_value <= value + 1e-4 * (grad @ (x_new - x)):
                break
            step /= 2
        else:
            x_new, new_value = _minimise(x, exact, maxiter=200)
            return x_new, new_value, evaluations + 200
        x, value, grad = x_new, new_value, new_grad
    return x, value, evaluations


def squash(d: PairData, bins: int = SQUASH_BINS) -> PairData:
    """Per N, rows sorted by E fall into `bins` equal-count bins, each one row (mean E, Σw)."""
    order = np.lexsort((d.e, d.n))
    n, e, w = d.n[order], d.e[order], d.w[order]
    first = np.concatenate(([True], n[1:] != n[:-1]))
    group = np.cumsum(first) - 1
    start = np.flatnonzero(first)
    size = np.diff(np.concatenate((start, [len(n)])))
    rank = np.arange(len(n)) - start[group]
    slot = (rank * np.minimum(size, bins)[group]) // size[group]
    key = np.cumsum(np.concatenate(([True], (group[1:] != group[:-1]) | (slot[1:] != slot[:-1]))))
    key -= 1
    weight = np.bincount(key, w).astype(np.float64)
    return PairData(np.bincount(key, w * n) / weight, np.bincount(key, w * e) / weight, weight)


def fit_prior(n: Array, e: Array, w: Array | None = None) -> Fit:
    """Maximum-likelihood θ on observed pairs (N ≥ 1), multi-start as openEBGM's autoHyper.

    BLAS is held to one thread: L-BFGS-B's five-element vector operations otherwise wake
    OpenBLAS's thread pool on every call, which cost 2 ms a call on a busy 2-core machine."""
    weights = np.ones(len(n)) if w is None else np.asarray(w, dtype=float)
    exact = PairData(n.astype(float), e.astype(float), weights)
    with threadpool_limits(limits=1, user_api="blas"):
        return _fit(exact)


def _fit(exact: PairData) -> Fit:
    rough = squash(exact) if len(exact.n) > SQUASH_ABOVE else exact
    runs = sorted((_minimise(Prior(*start).as_x(), rough) for start in STARTS), key=lambda r: r[1])
    if rough is exact:
        return Fit(Prior.from_x(runs[0][0]).canonical(), runs[0][1], len(STARTS))
    # Local optima of the squashed likelihood within 1 of the best are polished too: squashing
    # could reorder close optima.
    candidates = [runs[0][0]] + [
        x
        for x, value in runs[1:]
        if value - runs[0][1] < 1.0 and np.max(np.abs(x - runs[0][0])) > 1e-3
    ]
    polished = [_polish(x, rough, exact) for x in candidates]
    best_x, best, _ = min(polished, key=lambda r: r[1])
    return Fit(Prior.from_x(best_x).canonical(), best, len(STARTS) + len(polished))


@dataclass(frozen=True)
class Posterior:
    qn: Array
    ebgm: Array
    eb05: Array
    eb95: Array


def _log_nb(n: Array, e: Array, a: float, b: float) -> Array:
    return gammaln(a + n) - gammaln(a) + a * np.log(b / (b + e)) + n * np.log(e / (b + e))


def posterior(prior: Prior, n: Array, e: Array) -> Posterior:
    """Qn, EBGM, EB05 and EB95 of each pair (vectorised over the pairs)."""
    l1 = np.log(prior.p) + _log_nb(n, e, prior.alpha1, prior.beta1) if prior.p > 0 else -np.inf
    l2 = np.log1p(-prior.p) + _log_nb(n, e, prior.alpha2, prior.beta2) if prior.p < 1 else -np.inf
    qn = np.broadcast_to(np.exp(l1 - np.logaddexp(l1, l2)), n.shape).copy()
    shape1, rate1 = prior.alpha1 + n, prior.beta1 + e
    shape2, rate2 = prior.alpha2 + n, prior.beta2 + e
    mean_log = qn * (digamma(shape1) - np.log(rate1)) + (1 - qn) * (digamma(shape2) - np.log(rate2))
    parts = (qn, shape1, rate1, shape2, rate2)
    eb05, eb95 = mixture_quantile(0.05, *parts), mixture_quantile(0.95, *parts)
    return Posterior(qn, np.exp(mean_log), eb05, eb95)


def mixture_quantile(
    prob: float, qn: Array, shape1: Array, rate1: Array, shape2: Array, rate2: Array
) -> Array:
    """x with Qn·G1(x) + (1 - Qn)·G2(x) = prob, G the gamma CDFs: safeguarded Halley steps.

    Iteration starts at the heavier component's own quantile (exact, `gammaincinv`; the answer
    lies between the two components' quantiles). Each evaluation narrows a bracket, (0, inf)
    at first; a step that leaves it is replaced by the bracket's midpoint, or by doubling or
    halving x while one side is still open. A Halley step converges cubically, so once a step
    is under 1e-8 of x the error left is far below double precision and the pair stops; so
    does a pair whose bracket is within 1e-10 (near the root a step can land on a bracket end
    by rounding, and bisecting a bracket a few ulps wide would crawl). On 423,000 pairs: at
    most 6 evaluations for all but ~1,000, which need up to ~60 (the lighter component's
    quantile would bound them, but costs a second `gammaincinv` for every pair)."""
    heavy = qn >= 0.5
    x = gammaincinv(np.where(heavy, shape1, shape2), prob) / np.where(heavy, rate1, rate2)
    lo, hi = np.zeros_like(x), np.full_like(x, np.inf)
    comp1 = (shape1, rate1, gammaln(shape1))
    comp2 = (shape2, rate2, gammaln(shape2))
    active = np.arange(len(x))
    for _ in range(100):
        if not len(active):
            break
        xa, w = x[active], qn[active]
        c1, c2 = (tuple(v[active] for v in comp1), tuple(v[active] for v in comp2))
        cdf = w * gammainc(c1[0], c1[1] * xa) + (1 - w) * gammainc(c2[0], c2[1] * xa) - prob
        pdf1, pdf2 = w * _gamma_pdf(xa, *c1), (1 - w) * _gamma_pdf(xa, *c2)
        pdf = pdf1 + pdf2
        slope = pdf1 * ((c1[0] - 1) / xa - c1[1]) + pdf2 * ((c2[0] - 1) / xa - c2[1])
        below = cdf < 0
        la = lo[active] = np.where(below, xa, lo[active])
        ha = hi[active] = np.where(below, hi[active], xa)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            newton = cdf / pdf
            halley = newton / np.maximum(1 - 0.5 * newton * slope / pdf, 0.5)
            step = xa - halley
            inside = (step >= la) & (step <= ha)
            midpoint = np.where(np.isinf(ha), 2 * xa, np.where(la > 0, 0.5 * (la + ha), 0.5 * xa))
        new = np.where(inside, step, midpoint)
        new[cdf == 0] = xa[cdf == 0]  # an exact root: a bisection would only leave it
        x[active] = new
        done = inside & (np.abs(new - xa) <= 1e-8 * xa)
        done |= (cdf == 0) | ((ha - la <= 1e-10 * ha) & np.isfinite(ha))
        active = active[~done]
    return x


def _gamma_pdf(x: Array, shape: Array, rate: Array, log_gamma_shape: Array) -> Array:
    return rate * np.exp((shape - 1) * np.log(rate * x) - rate * x - log_gamma_shape)
