"""`caredesk signals --in REPORTS.csv --out RESULTS.csv`: the command's disproportionality half.

Reads REPORTS.csv (`reports_csv`), counts the 2x2 tables (`disproportionality`), fits or takes
the GPS prior (`gps`), and writes RESULTS.csv with one row per observed pair, sorted by product
then event. Numbers are written with 10 significant digits; a value that is not finite is `inf`
or left empty (0/0). `-` reads standard input or writes standard output.

Nothing is half-written: RESULTS.csv and the `--theta-out` JSON are written to temporary files
beside their targets and renamed into place only once both are complete; bad input is a
CommandError (exit 1) before anything is written. `-v 2` prints each stage's time to stderr.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sys
import time
from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from django.core.management.base import CommandError

from caredesk.insights.signals import forked, gps
from caredesk.insights.signals.disproportionality import (
    PairCounts,
    Scores,
    count_pairs,
    pair_order,
    score,
)
from caredesk.insights.signals.reports_csv import ReportRows, ReportsFormatError, read_reports

HEADER = "product,event,N,E,PRR,ROR,ROR_LO,ROR_HI,IC,EBGM,EB05,EB95"
PARALLEL_ITEMS = 100_000  # groups or pairs; below this, forking costs more than it saves


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--in", dest="reports_in", help="REPORTS.csv: report_id,product,event")
    parser.add_argument("--out", dest="results_out", help="RESULTS.csv, one row per pair")
    parser.add_argument("--theta", help="a1,b1,a2,b2,P: use these hyperparameters, no fit")
    parser.add_argument("--theta-out", dest="theta_out", help="write the fitted prior as JSON")


def parse_theta(text: str) -> gps.Prior:
    """`a1,b1,a2,b2,P` → a prior; shapes and rates positive, 0 ≤ P ≤ 1."""
    try:
        values = [float(v) for v in text.split(",")]
    except ValueError:
        values = []
    if len(values) != 5 or not all(math.isfinite(v) for v in values):
        raise CommandError(f"--theta must be five numbers a1,b1,a2,b2,P; got {text!r}")
    if min(values[:4]) <= 0 or not 0 <= values[4] <= 1:
        raise CommandError("--theta: a1, b1, a2, b2 must be > 0 and P within [0, 1]")
    return gps.Prior(*values)


def _csv_name(name: str) -> str:
    if any(ch in name for ch in ',"\r\n'):
        return '"' + name.replace('"', '""') + '"'
    return name


TAIL = "%d" + ",%.10g" * 9  # N, then E … EB95 with 10 significant digits


def _blank_nan(line: str) -> str:
    """A tail with a NaN: the NaN fields left empty (no other field can read `nan`)."""
    return ",".join("" if field == "nan" else field for field in line.split(","))


def _spans(total: int, parts: int) -> list[tuple[int, int]]:
    return list(itertools.pairwise(np.linspace(0, total, parts + 1).astype(int).tolist()))


def _tails(job: tuple[Scores, list[tuple[int, int]]], part: int) -> list[str]:
    """`N,E,…,EB95` of the score groups in one span: one `%` format per group (formatting value
    by value and joining cost 30% more), then the rare NaN fields (0/0) blanked."""
    scores, spans = job
    lo, hi = spans[part]
    post = scores.posterior
    floats = [scores.e, scores.prr, scores.ror, scores.ror_lo, scores.ror_hi, scores.ic]
    floats = [values[lo:hi] for values in (*floats, post.ebgm, post.eb05, post.eb95)]
    columns = [scores.n[lo:hi].astype(np.int64).tolist(), *(v.tolist() for v in floats)]
    lines = list(map(TAIL.__mod__, zip(*columns, strict=True)))
    for i in np.flatnonzero(np.logical_or.reduce([np.isnan(v) for v in floats])).tolist():
        lines[i] = _blank_nan(lines[i])
    return lines


def _lines(job: tuple[list[np.ndarray], list[tuple[int, int]]], part: int) -> str:
    """The CSV lines of the pairs in one span (columns: product, event, numeric tail)."""
    columns, spans = job
    lo, hi = spans[part]
    texts = (column[lo:hi].tolist() for column in columns)
    return "".join(map("{},{},{}\n".format, *texts))


def results_text(rows: ReportRows, counts: PairCounts, scores: Scores) -> str:
    """RESULTS.csv as one string.

    Every number of a pair depends only on its score group (N, a + b, a + c), so the numeric
    tail `N,E,…,EB95` is formatted once per group; each pair's line is then its product, its
    event and its group's tail. Big outputs are formatted in forked parts (one per CPU)."""
    groups, pairs = len(scores.n), len(counts.n)
    parts = forked.cpus() if groups > PARALLEL_ITEMS else 1
    spans = _spans(groups, parts)
    tails = forked.fork_map(_tails, (scores, spans), len(spans))
    tail = np.array(list(itertools.chain.from_iterable(tails)), dtype=object)
    order = pair_order(rows, counts)
    products = np.array([_csv_name(p) for p in rows.products], dtype=object)
    events = np.array([_csv_name(e) for e in rows.events], dtype=object)
    columns = [
        products[counts.product[order]],
        events[counts.event[order]],
        tail[scores.group[order]],
    ]
    parts = forked.cpus() if pairs > PARALLEL_ITEMS else 1
    spans = _spans(pairs, parts)
    return HEADER + "\n" + "".join(forked.fork_map(_lines, (columns, spans), len(spans)))


def theta_json(scores: Scores, counts: PairCounts) -> str:
    """The prior used (fitted or given) and its negative log-likelihood on the pairs."""
    prior = scores.prior
    if prior is None:
        raise CommandError("--theta-out: no product x event pair to fit a prior on")
    if scores.fit is not None:
        nll = scores.fit.neg_log_likelihood
    else:
        e = counts.n_product * counts.n_event / counts.reports
        nll = gps.neg_log_likelihood(prior, counts.n.astype(float), e)
    values = {
        "alpha1": prior.alpha1,
        "beta1": prior.beta1,
        "alpha2": prior.alpha2,
        "beta2": prior.beta2,
        "P": prior.p,
        "neg_log_likelihood": nll,
    }
    return json.dumps(values, indent=2) + "\n"


@contextmanager
def _staged(path: str) -> Iterator[tuple[str, str]]:
    """(temporary path, final path); the temporary file is removed if anything fails."""
    final = os.path.realpath(path)  # a symbolic link is written through, not replaced
    temp = os.path.join(os.path.dirname(final), f".{os.path.basename(final)}.{os.getpid()}.tmp")
    try:
        yield temp, final
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def _in_place(path: str) -> bool:
    """`-`, /dev/stdout, a named pipe: written as they are. Renaming a file over /dev/stdout
    would replace the device link itself (as root) or fail (as anyone else)."""
    return path == "-" or (os.path.exists(path) and not os.path.isfile(path))


def _write_in_place(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write(text)
    except OSError as exc:
        raise CommandError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_outputs(outputs: dict[str, str]) -> None:
    """Write every (path → text) fully to temporary files, then rename them all into place
    (standard output and other non-regular files are written directly, first)."""
    files = [(path, text) for path, text in outputs.items() if not _in_place(path)]
    for path, text in outputs.items():
        if _in_place(path):
            _write_in_place(path, text)
    staged: list[tuple[str, str]] = []
    try:
        for path, text in files:
            with _staged(path) as (temp, final):
                staged.append((temp, final))
                with open(temp, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
                    f.write(text)
        for temp, final in staged:
            os.replace(temp, final)
    except OSError as exc:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.remove(temp)
        raise CommandError(f"cannot write {exc.filename}: {exc.strerror or exc}") from exc


def run(options: dict[str, Any]) -> None:
    reports_in, results_out = options.get("reports_in"), options.get("results_out")
    if not reports_in or not results_out:
        raise CommandError("caredesk signals needs --in REPORTS.csv and --out RESULTS.csv")
    prior = parse_theta(options["theta"]) if options.get("theta") else None
    clock = _Clock(verbose=int(options.get("verbosity", 1)) >= 2)
    try:
        rows = read_reports(reports_in)
    except ReportsFormatError as exc:
        raise CommandError(f"{reports_in}: {exc}") from exc
    clock.lap(f"read {len(rows.report):,} rows")
    if rows.skipped:
        sys.stderr.write(f"skipped {rows.skipped} rows without a report_id\n")
    incomplete = rows.incomplete_rows()
    if incomplete:
        sys.stderr.write(
            f"{incomplete} rows with an empty product or event: their reports count in T and "
            "the margins, the rows in no pair\n"
        )
    counts = count_pairs(rows)
    clock.lap(f"counted {len(counts.n):,} pairs over {counts.reports:,} reports")
    scores = score(counts, prior)
    clock.lap("scored" + (f" (fit: {scores.fit.runs} optimiser runs)" if scores.fit else ""))
    outputs = {results_out: results_text(rows, counts, scores)}
    if options.get("theta_out"):
        outputs[options["theta_out"]] = theta_json(scores, counts)
    clock.lap("formatted")
    write_outputs(outputs)
    clock.lap("written")


class _Clock:
    def __init__(self, verbose: bool) -> None:
        self.verbose, self.last = verbose, time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        if self.verbose:
            sys.stderr.write(f"signals: {what} in {now - self.last:.3f} s\n")
        self.last = now
