"""Disproportionality of every observed product x event pair: PRR, ROR (Woolf 95 %), IC, GPS.

Counting is on distinct reports: a report naming a product twice, or repeating a row, counts
once. T is every distinct report id in the file: a row with an empty product (or event) still
makes its report count in T and in that event's (product's) margin, but forms no pair. For a
pair (product p, event e) among T distinct reports, the 2x2 table is

                     event e    not e
        product p       a         b         a = N, the reports with both
        not p           c         d         a + b = reports with p, a + c = reports with e

- E   = (a + b)(a + c) / T, the count expected if p and e were independent;
- PRR = [a / (a + b)] / [c / (c + d)]           (Evans et al. 2001);
- ROR = (a·d) / (b·c), 95 % interval exp(ln ROR ± 1.96·√(1/a + 1/b + 1/c + 1/d)) (Woolf 1955;
  van Puijenbroek et al. 2002), with no continuity correction;
- IC  = log2((N + 0.5) / (E + 0.5)) (the shrunk information component, Norén et al. 2006);
- EBGM, EB05, EB95 from the Gamma-Poisson Shrinker (`gps`).

A zero cell makes a ratio infinite (a / 0 with a > 0: `inf`) or undefined (0 / 0: NaN, written
empty); Woolf's interval is undefined (empty) whenever b, c or d is zero, as its standard error
is. Every score depends only on (N, a + b, a + c) and T, so scores are computed once per
distinct triple and gathered per pair: many pairs share one (N = 1 with small margins).

Sorting uses `np.sort` on packed int64 keys: numpy 2.4's `np.unique` hashes and took 5 s on
5 M keys where a sort takes 0.03 s.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from caredesk.insights.signals import forked, gps
from caredesk.insights.signals.reports_csv import ReportRows

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Z_975 = 1.96
LIMIT = 2**62
PARALLEL_PAIRS = 100_000  # distinct (N, E); below this, forking costs more than it saves


@dataclass(frozen=True)
class PairCounts:
    """Per observed pair: product and event codes, a = N, a + b, a + c; T distinct reports."""

    product: Ints
    event: Ints
    n: Ints
    n_product: Ints
    n_event: Ints
    reports: int


@dataclass(frozen=True)
class Scores:
    """Scores of each distinct (N, a + b, a + c) group; `group` maps each pair to its row."""

    group: Ints
    n: Floats
    e: Floats
    prr: Floats
    ror: Floats
    ror_lo: Floats
    ror_hi: Floats
    ic: Floats
    posterior: gps.Posterior
    fit: gps.Fit | None
    prior: gps.Prior | None


def _first_of_runs(*cols: Ints) -> NDArray[np.bool_]:
    """True where a row of the (sorted) columns differs from the row before."""
    first = np.ones(len(cols[0]), bool)
    if len(first) > 1:
        first[1:] = np.logical_or.reduce([col[1:] != col[:-1] for col in cols])
    return first


def _distinct(cols: list[Ints], sizes: list[int]) -> list[Ints]:
    """The distinct rows of int columns (values below `sizes`), sorted column by column.

    Columns are packed into one int64 by bit shifts when they fit in 62 bits (shifts and masks
    are SIMD; int64 division and modulo took ~1 s on 5 M rows), else sorted with lexsort."""
    bits = [max(int(size - 1).bit_length(), 1) for size in sizes]
    if sum(bits) > 62:
        order = np.lexsort(cols[::-1])
        cols = [col[order] for col in cols]
        keep = _first_of_runs(*cols)
        return [col[keep] for col in cols]
    key = cols[0].astype(np.int64)
    for col, width in zip(cols[1:], bits[1:], strict=True):
        key = (key << width) | col
    key = np.sort(key)
    key = key[_first_of_runs(key)]
    out = []
    for width in reversed(bits[1:]):
        out.append(key & ((1 << width) - 1))
        key = key >> width
    return [key, *reversed(out)]


def count_pairs(rows: ReportRows) -> PairCounts:
    """N, the margins and T from the rows, each counted over distinct reports."""
    n_products, n_events = len(rows.products), len(rows.events)
    n_reports = int(rows.report.max()) + 1 if len(rows.report) else 0
    paired = [rows.product, rows.event, rows.report]
    if rows.incomplete_rows():  # an empty product or event: in T and the margins, in no pair
        complete = np.ones(len(rows.report), bool)
        for col, empty in ((rows.product, rows.no_product), (rows.event, rows.no_event)):
            if empty is not None:
                complete &= col != empty
        paired = [col[complete] for col in paired]
    p, e, _ = _distinct(paired, [n_products, n_events, n_reports])
    first = _first_of_runs(p, e)
    starts = np.flatnonzero(first)
    n = np.diff(np.append(starts, len(p)))
    by_product = _distinct([rows.product, rows.report], [n_products, n_reports])[0]
    by_event = _distinct([rows.event, rows.report], [n_events, n_reports])[0]
    n_product = np.bincount(by_product, minlength=n_products)
    n_event = np.bincount(by_event, minlength=n_events)
    reports = int(np.count_nonzero(np.bincount(rows.report, minlength=n_reports)))
    product, event = p[starts], e[starts]
    return PairCounts(product, event, n, n_product[product], n_event[event], reports)


def _group_rows(cols: list[Ints], sizes: list[int]) -> tuple[Ints, list[Ints]]:
    """Each row's index among the distinct rows of int columns (values below `sizes`), and
    those distinct rows."""
    span = 1.0
    for size in sizes:
        span *= size
    if span < LIMIT:
        key = cols[0].copy()
        for col, size in zip(cols[1:], sizes[1:], strict=True):
            key = key * size + col
        order = np.argsort(key)
        first = _first_of_runs(key[order])
    else:
        order = np.lexsort(cols[::-1])
        first = _first_of_runs(*[col[order] for col in cols])
    group = np.empty(len(order), np.int64)
    group[order] = np.cumsum(first) - 1
    return group, [col[order][first] for col in cols]


def frequentist(n: Floats, n_product: Floats, n_event: Floats, reports: int) -> dict[str, Floats]:
    """E, PRR, ROR with Woolf's interval, and IC from the 2x2 cells (arrays, one per pair)."""
    a, b, c = n, n_product - n, n_event - n
    d = reports - n_product - n_event + n
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = n_product * n_event / reports
        prr = (a / (a + b)) / (c / (c + d))
        ror = (a * d) / (b * c)
        half = Z_975 * np.sqrt(1 / a + 1 / b + 1 / c + 1 / d)
        defined = (b > 0) & (c > 0) & (d > 0)
        ror_lo = np.where(defined, np.exp(np.log(ror) - half), np.nan)
        ror_hi = np.where(defined, np.exp(np.log(ror) + half), np.nan)
    ic = np.log2((n + 0.5) / (expected + 0.5))
    return {"e": expected, "prr": prr, "ror": ror, "ror_lo": ror_lo, "ror_hi": ror_hi, "ic": ic}


def score(counts: PairCounts, prior: gps.Prior | None = None) -> Scores:
    """Every score of every pair; the GPS prior is fitted unless one is given.

    Frequentist scores are computed per distinct (N, a + b, a + c); the GPS fit and posterior
    per distinct (N, E), i.e. (N, (a + b)(a + c)), with multiplicities as weights."""
    size = counts.reports + 1
    cols = [counts.n, counts.n_product, counts.n_event]
    group, (n, n_product, n_event) = _group_rows(cols, [size] * 3)
    nf = n.astype(float)
    freq = frequentist(nf, n_product.astype(float), n_event.astype(float), counts.reports)
    sub, (gn, margins) = _group_rows([n, n_product * n_event], [size, size * size])
    gn_f, ge = gn.astype(float), margins / counts.reports
    fit = None
    if prior is None and len(n):
        weights = np.bincount(sub[group], minlength=len(gn)).astype(float)
        fit = gps.fit_prior(gn_f, ge, weights)
        prior = fit.prior
    if prior is None:
        empty = np.zeros(0)
        post = gps.Posterior(empty, empty, empty, empty)
    else:
        by_ne = _posterior(prior, gn_f, ge)
        parts = (by_ne.qn, by_ne.ebgm, by_ne.eb05, by_ne.eb95)
        post = gps.Posterior(*(values[sub] for values in parts))
    return Scores(group=group, n=nf, posterior=post, fit=fit, prior=prior, **freq)


def _posterior_part(job: tuple[gps.Prior, Floats, Floats, list[int]], part: int) -> gps.Posterior:
    prior, n, e, cuts = job
    return gps.posterior(prior, n[cuts[part] : cuts[part + 1]], e[cuts[part] : cuts[part + 1]])


def _posterior(prior: gps.Prior, n: Floats, e: Floats) -> gps.Posterior:
    """`gps.posterior` of every (N, E), in one forked part per idle CPU when there are many: the
    quantiles' Halley iterations are a second of numpy work on 400,000 pairs, split evenly."""
    parts = forked.cpus() if len(n) > PARALLEL_PAIRS else 1
    cuts = np.linspace(0, len(n), parts + 1).astype(int).tolist()
    done = forked.fork_map(_posterior_part, (prior, n, e, cuts), parts)
    if len(done) == 1:
        return done[0]
    fields = zip(*((p.qn, p.ebgm, p.eb05, p.eb95) for p in done), strict=True)
    return gps.Posterior(*(np.concatenate(values) for values in fields))


def pair_order(rows: ReportRows, counts: PairCounts) -> Ints:
    """Pairs sorted by product name, then event name (the output order)."""

    def ranks(names: list[str]) -> Ints:
        rank = np.empty(len(names), np.int64)
        rank[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
        return rank

    return np.lexsort(
        (ranks(rows.events)[counts.event], ranks(rows.products)[counts.product])
    ).astype(np.int64)
