"""The benchmark package imports, and its percentile helper matches the textbook definition."""

from __future__ import annotations

import pytest

from bench import __main__ as bench_main
from bench.stats import latency_summary, percentile, ratio


def test_bench_runs_every_benchmark():
    assert set(bench_main.BENCHMARKS) == {
        "intake",
        "intake-cost",
        "burst",
        "search",
        "triage",
        "deadlines",
        "signals",
        "trend",
    }


def test_percentile_interpolates_between_closest_ranks():
    samples = [15, 20, 35, 40, 50]
    assert percentile(samples, 0) == 15
    assert percentile(samples, 50) == 35
    assert percentile(samples, 100) == 50
    assert percentile(samples, 40) == pytest.approx(29.0)  # numpy.percentile gives 29.0
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([7], 99) == 7


def test_percentile_refuses_nonsense():
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1, 2], 101)


def test_summary_is_in_milliseconds_and_ratio_guards_zero():
    summary = latency_summary([0.001, 0.002, 0.003])
    assert summary["p50_ms"] == 2.0
    assert summary["count"] == 3
    assert ratio(1, 4) == 0.25
    assert ratio(1, 0) == float("inf")
