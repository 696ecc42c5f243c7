"""E, PRR, ROR with Woolf's interval and IC on a table small enough to count by hand.

Five reports: r1 {A} x {X, Y}, r2 {A} x {X} (listing A twice), r3 {B} x {X}, r4 {B} x {Y},
r5 {C} x {Z}; r1's A/X row is repeated. Distinct-report margins: A 2, B 2, C 1; X 3, Y 2, Z 1.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from caredesk.insights.signals import gps
from caredesk.insights.signals.disproportionality import count_pairs, score
from caredesk.insights.signals.reports_csv import rows_to_reports

ROWS = [
    ("r1", "A", "X"),
    ("r1", "A", "Y"),
    ("r1", "A", "X"),
    ("r2", "A", "X"),
    ("r2", "A", "X"),
    ("r3", "B", "X"),
    ("r4", "B", "Y"),
    ("r5", "C", "Z"),
]
THETA = gps.Prior(0.2, 0.1, 2.0, 4.0, 1 / 3)


def _table(rows: list[tuple[str, str, str]]) -> dict[tuple[str, str], dict[str, float]]:
    reports = rows_to_reports(rows)
    counts = count_pairs(reports)
    scores = score(counts, THETA)
    out = {}
    for i, (p, e) in enumerate(zip(counts.product, counts.event, strict=True)):
        g = scores.group[i]
        out[(reports.products[p], reports.events[e])] = {
            "N": scores.n[g],
            "E": scores.e[g],
            "PRR": scores.prr[g],
            "ROR": scores.ror[g],
            "ROR_LO": scores.ror_lo[g],
            "ROR_HI": scores.ror_hi[g],
            "IC": scores.ic[g],
            "EBGM": scores.posterior.ebgm[g],
        }
    assert counts.reports == len({r for r, _, _ in rows})
    return out


def test_counts_are_of_distinct_reports() -> None:
    table = _table(ROWS)
    assert set(table) == {("A", "X"), ("A", "Y"), ("B", "X"), ("B", "Y"), ("C", "Z")}
    assert table[("A", "X")]["N"] == 2  # r1 twice and r2 twice still count two reports
    assert table[("A", "X")]["E"] == pytest.approx(2 * 3 / 5)
    assert table[("C", "Z")]["E"] == pytest.approx(1 * 1 / 5)


def test_prr_ror_woolf_interval_and_ic() -> None:
    ay = _table(ROWS)[("A", "Y")]  # a=1 (r1), b=1 (r2), c=1 (r4), d=2 (r3, r5)
    assert ay["PRR"] == pytest.approx((1 / 2) / (1 / 3))
    assert ay["ROR"] == pytest.approx(2.0)
    half = 1.96 * math.sqrt(1 + 1 + 1 + 1 / 2)
    assert ay["ROR_LO"] == pytest.approx(math.exp(math.log(2) - half))
    assert ay["ROR_HI"] == pytest.approx(math.exp(math.log(2) + half))
    assert ay["IC"] == pytest.approx(math.log2((1 + 0.5) / (0.8 + 0.5)))
    bx = _table(ROWS)[("B", "X")]  # a=1, b=1, c=2, d=1
    assert bx["PRR"] == pytest.approx((1 / 2) / (2 / 3))
    assert bx["ROR"] == pytest.approx(0.5)


def test_a_zero_cell_gives_inf_or_nothing() -> None:
    table = _table(ROWS)
    ax = table[("A", "X")]  # b = 0: every A report has X
    assert ax["PRR"] == pytest.approx(3.0)
    assert ax["ROR"] == math.inf
    assert math.isnan(ax["ROR_LO"]) and math.isnan(ax["ROR_HI"])
    cz = table[("C", "Z")]  # b = c = 0
    assert cz["PRR"] == math.inf and cz["ROR"] == math.inf
    everywhere = _table([("r1", "D", "X"), ("r2", "D", "Y")])[("D", "X")]  # c = d = 0
    assert math.isnan(everywhere["PRR"]) and math.isnan(everywhere["ROR"])


def test_ebgm_is_the_posterior_geometric_mean() -> None:
    ax = _table(ROWS)[("A", "X")]
    n, e = np.array([2.0]), np.array([1.2])
    post = gps.posterior(THETA, n, e)
    assert ax["EBGM"] == pytest.approx(post.ebgm[0])
    assert post.eb05[0] < post.ebgm[0] < post.eb95[0]
