"""The Gamma-Poisson Shrinker reproduces openEBGM's published CAERS results.

Reference: data/caers_openebgm/reference_results.json, copied from ../shared/data (numbers
printed by openEBGM 0.9.1's vignettes, rounded to 2 decimals). The fit is the maximum-likelihood
estimate on the unsquashed observed pairs, whose negative log-likelihood openEBGM prints as
4162.456; the scores are checked both with our fitted prior and with the prior openEBGM's
vignette used.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from caredesk.insights.signals import gps
from caredesk.insights.signals.disproportionality import PairCounts, Scores, count_pairs, score
from caredesk.insights.signals.reports_csv import ReportRows, rows_to_reports

DATA = Path(__file__).resolve().parent / "data" / "caers_openebgm"  # copied from ../shared/data


@cache
def reference() -> dict[str, Any]:
    return json.loads((DATA / "reference_results.json").read_text())


@cache
def caers() -> tuple[ReportRows, PairCounts]:
    with (DATA / "caers.csv").open(newline="", encoding="utf-8") as handle:
        rows = rows_to_reports((r["id"], r["var1"], r["var2"]) for r in csv.DictReader(handle))
    return rows, count_pairs(rows)


@cache
def fitted() -> Scores:
    return score(caers()[1])


@cache
def published() -> Scores:
    theta = reference()["gps_hyperparameters"]["main_reference_vignette04"]
    prior = gps.Prior(theta["alpha1"], theta["beta1"], theta["alpha2"], theta["beta2"], theta["P"])
    return score(caers()[1], prior)


def _pair_values(scores: Scores) -> dict[tuple[str, str, int], dict[str, float]]:
    """Scores by (product, event, N); N tells apart products openEBGM printed truncated."""
    rows, counts = caers()
    out = {}
    for i in range(len(counts.n)):
        g = scores.group[i]
        key = (rows.products[counts.product[i]], rows.events[counts.event[i]], int(counts.n[i]))
        out[key] = {
            "E": scores.e[g],
            "PRR": scores.prr[g],
            "EBGM": scores.posterior.ebgm[g],
            "QUANT_05": scores.posterior.eb05[g],
            "QUANT_95": scores.posterior.eb95[g],
        }
    return out


def _listed_pairs() -> list[dict[str, Any]]:
    ref = reference()
    return [
        *ref["contingency_step"]["first_rows"],
        *ref["posterior_results_vignette04"]["top5_by_QUANT_05"],
        *ref["openEBGM_object_vignette05"]["top5_by_EBGM"],
    ]


def test_counts_match_the_contingency_step() -> None:
    _, counts = caers()
    assert len(counts.n) == reference()["contingency_step"]["n_pairs"] == 17189
    assert counts.reports == 3356
    values = _pair_values(fitted())
    for item in reference()["contingency_step"]["first_rows"]:
        got = values[(item["var1"], item["var2"], item["N"])]
        assert got["E"] == pytest.approx(item["E"], abs=1e-9)  # printed to 10 decimals
        prr = float("inf") if item["PRR"] == "Inf" else item["PRR"]
        assert got["PRR"] == pytest.approx(prr, abs=0.005)


def test_fit_reaches_openebgm_negative_log_likelihood() -> None:
    fit = fitted().fit
    assert fit is not None
    published_nll = reference()["gps_hyperparameters"]["other_estimates_vignette03"][
        "unsquashed_full_data_autoHyper_3_starts"
    ]["neg_log_likelihood"]
    assert fit.neg_log_likelihood == pytest.approx(published_nll, abs=0.01)
    assert fit.prior.alpha1 == pytest.approx(3.256, abs=0.01)
    assert fit.prior.p == pytest.approx(0.0653, abs=0.001)


@pytest.mark.parametrize("scores", [fitted, published], ids=["fitted", "published-theta"])
def test_listed_ebgm_and_quantiles_within_a_hundredth(scores: Any) -> None:
    values = _pair_values(scores())
    for item in _listed_pairs():
        matches = [
            v
            for (p, e, n), v in values.items()
            if p.startswith(item["var1"]) and e == item["var2"] and n == item["N"]
        ]
        assert len(matches) == 1, item
        for key in ("EBGM", "QUANT_05", "QUANT_95"):
            if key in item:
                assert matches[0][key] == pytest.approx(item[key], abs=0.01), (item, key)


@pytest.mark.parametrize("scores", [fitted, published], ids=["fitted", "published-theta"])
def test_signal_counts(scores: Any) -> None:
    post = scores().posterior
    group = scores().group
    assert int(np.count_nonzero(post.eb05[group] > 2)) == 131
    # openEBGM rounds EBGM to 2 decimals before the vignette counts EBGM > 3.
    assert int(np.count_nonzero(np.round(post.ebgm[group], 2) > 3)) == 556


def test_mixing_fraction_matches_qn() -> None:
    first6 = reference()["posterior_results_vignette04"]["Qn_first6"]
    post, group = published().posterior, published().group
    rows, counts = caers()
    order = np.lexsort(
        (np.array(rows.events)[counts.event], np.array(rows.products)[counts.product])
    )
    assert post.qn[group[order[:6]]] == pytest.approx(first6, abs=1e-6)
