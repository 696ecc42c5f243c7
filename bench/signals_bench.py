"""Benchmark `caredesk signals` (disproportionality) end to end, against merely reading the CSV.

Run `python -m bench signals [--reports N] [--rounds R] [--keep]`. Generates (untimed,
deterministic, seed 7) N (1,000,000) reports into a temporary REPORTS.csv under /tmp:

- each report names 1 + Poisson(0.9) products and 1 + Poisson(1.6) events, one row per
  product x event (about 5 rows a report, repeats included, as real exports have);
- 5,000 products and 2,000 events drawn with Zipf-like weights (1/rank^1.1 and 1/rank);
  1 % of product names hold a comma (quoted fields, as CAERS names do);
- events depend on the report's first product through a relative rate λ per product x event
  drawn from a two-gamma mixture (5 % of pairs elevated, mean λ 4), the structure GPS fits.

Then times, R (2) times each, interleaved:

- read: `reports_csv.read_reports` on the file, the reader the command uses (parse + codes);
- command: `caredesk signals --in REPORTS.csv --out RESULTS.csv -v 2` as a subprocess, wall
  clock, Django start-up included (its stage times are printed from the best run).

Prints the best of each, the ratio command/read, and the reference time of Python's
`csv.reader` merely iterating the file (once). Target (issue 7): the command under 10 s.

Also the CAERS fit (../shared/data/caers_openebgm): `gps.fit_prior` on its 17,189 pairs, best
of 5, against openEBGM's published 35.9 s for its fit; aim under 1 s.

The generated files are deleted afterwards (unless --keep). Results go to bench/out/signals.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from caredesk.insights.signals import gps
from caredesk.insights.signals.disproportionality import count_pairs, frequentist
from caredesk.insights.signals.reports_csv import read_reports, rows_to_reports

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "signals.json"
CAERS = ROOT.parent / "shared" / "data" / "caers_openebgm" / "caers.csv"
TARGET_S = 10.0
CAERS_TARGET_S = 1.0
OPENEBGM_FIT_S = 35.9


def _zipf_weights(count: int, power: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, count + 1) ** power
    return weights / weights.sum()


def _names(prefix: str, count: int, rng: np.random.Generator, comma_share: float) -> list[str]:
    names = [f"{prefix} {i:05d}" for i in range(count)]
    for i in np.flatnonzero(rng.random(count) < comma_share).tolist():
        names[i] = f'{prefix} {i:05d}, "extra strength" 500 mg'
    return names


def _event_draws(first_product: np.ndarray, n_events: int, rng: np.random.Generator) -> np.ndarray:
    """One event per entry, drawn from the event weights scaled by the report's product's λ.

    λ of each product x event comes from a two-gamma mixture (95 % Gamma(5, 5), mean 1; 5 %
    Gamma(2, 0.5), mean 4): the heterogeneity GPS models. Rows of a cumulative table are offset
    by their product index so that one searchsorted draws for every entry at once."""
    n_products = int(first_product.max()) + 1
    strong = rng.random((n_products, n_events)) < 0.05
    lam = np.where(strong, rng.gamma(2.0, 2.0, strong.shape), rng.gamma(5.0, 0.2, strong.shape))
    table = np.cumsum(_zipf_weights(n_events, 1.0) * lam, axis=1)
    table /= table[:, -1:]
    table += np.arange(n_products)[:, None]
    flat = table.ravel()
    picks = np.searchsorted(flat, first_product + rng.random(len(first_product)) * 0.999999)
    return picks - first_product * n_events


def generate(path: Path, reports: int, seed: int = 7) -> int:
    """Write REPORTS.csv for `reports` reports; returns the number of rows."""
    rng = np.random.default_rng(seed)
    n_products, n_events = 5000, 2000
    k_p = 1 + rng.poisson(0.9, reports)
    k_e = 1 + rng.poisson(1.6, reports)
    products = rng.choice(n_products, k_p.sum(), p=_zipf_weights(n_products, 1.1))
    start_p = np.concatenate(([0], np.cumsum(k_p)[:-1]))
    start_e = np.concatenate(([0], np.cumsum(k_e)[:-1]))
    events = _event_draws(np.repeat(products[start_p], k_e), n_events, rng)
    per_report = k_p * k_e
    report = np.repeat(np.arange(reports), per_report)
    offset = np.arange(per_report.sum()) - np.repeat(np.cumsum(per_report) - per_report, per_report)
    row_product = products[start_p[report] + offset // k_e[report]]
    row_event = events[start_e[report] + offset % k_e[report]]
    product_names = [_quote(n) for n in _names("PRODUCT", n_products, rng, 0.01)]
    event_names = _names("EVENT TERM", n_events, rng, 0.0)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("report_id,product,event\n")
        block = 500_000
        for lo in range(0, len(report), block):
            hi = lo + block
            handle.writelines(
                f"CASE-{r:08d},{product_names[p]},{event_names[e]}\n"
                for r, p, e in zip(
                    report[lo:hi].tolist(),
                    row_product[lo:hi].tolist(),
                    row_event[lo:hi].tolist(),
                    strict=True,
                )
            )
    return len(report)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"' if ("," in name or '"' in name) else name


def time_read(path: Path) -> float:
    t0 = time.perf_counter()
    read_reports(str(path))
    return time.perf_counter() - t0


def time_csv_module(path: Path) -> float:
    t0 = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as handle:
        for _ in csv.reader(handle):
            pass
    return time.perf_counter() - t0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(path: Path, out: Path) -> tuple[float, float, str]:
    """Wall clock and CPU seconds of `caredesk signals` in a subprocess, and its stage log."""
    env = dict(os.environ)
    env.setdefault("CAREDESK_ENV", "test")
    command = [str(Path(sys.executable).parent / "caredesk"), "signals"]
    command += ["--in", str(path), "--out", str(out), "-v", "2"]
    cpu0, t0 = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    elapsed, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    if done.returncode:
        raise SystemExit(f"caredesk signals failed: {done.stderr[-2000:]}")
    return elapsed, cpu, done.stderr


def time_caers_fit(rounds: int = 5) -> tuple[float, float] | None:
    if not CAERS.is_file():
        return None
    with CAERS.open(newline="", encoding="utf-8") as handle:
        rows = rows_to_reports((r["id"], r["var1"], r["var2"]) for r in csv.DictReader(handle))
    counts = count_pairs(rows)
    n = counts.n.astype(float)
    e = frequentist(
        n, counts.n_product.astype(float), counts.n_event.astype(float), counts.reports
    )["e"]
    best, nll = float("inf"), 0.0
    for _ in range(rounds):
        t0 = time.perf_counter()
        fit = gps.fit_prior(n, e)
        best = min(best, time.perf_counter() - t0)
        nll = fit.neg_log_likelihood
    return best, nll


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="signals-bench-", dir="/tmp"))
    source, results = folder / "reports.csv", folder / "results.csv"
    try:
        t0 = time.perf_counter()
        rows = generate(source, args.reports)
        took, size_mb = time.perf_counter() - t0, source.stat().st_size / 1e6
        print(
            f"generated {rows:,} rows, {args.reports:,} reports, {size_mb:.0f} MB in {took:.1f} s"
        )
        reads: list[float] = []
        commands: list[float] = []
        stages, command_cpu = "", 0.0
        for _ in range(args.rounds):
            reads.append(time_read(source))
            elapsed, cpu, log = time_command(source, results)
            if not commands or elapsed < min(commands):
                stages, command_cpu = log, cpu
            commands.append(elapsed)
        csv_module = time_csv_module(source)
        with results.open(encoding="utf-8") as handle:
            pairs = sum(1 for _ in handle) - 1
        caers = time_caers_fit()
    finally:
        if not args.keep:
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
    timings = {"read": min(reads), "command": min(commands), "command_cpu": command_cpu}
    timings["csv_module"] = csv_module
    return _report(args.reports, rows, pairs, timings, stages, caers)


def _report(
    reports: int,
    rows: int,
    pairs: int,
    timings: dict[str, float],
    stages: str,
    caers: tuple[float, float] | None,
) -> int:
    read, command, csv_module = timings["read"], timings["command"], timings["csv_module"]
    load = os.getloadavg()[0]
    print(f"pairs written:                      {pairs:,}")
    print(f"machine load (1-min average):       {load:.2f} on {os.cpu_count()} CPUs")
    print(f"read (reports_csv, parse + codes):  {read:.2f} s")
    print(f"caredesk signals, end to end:       {command:.2f} s  target < {TARGET_S:.0f} s")
    print(f"  its CPU time (user + system):     {timings['command_cpu']:.2f} s")
    print(f"ratio command/read:                 {command / read:.2f}x")
    ratio_csv = command / csv_module
    print(f"csv.reader merely iterating (ref):  {csv_module:.2f} s (command/that {ratio_csv:.2f}x)")
    print("stages of the best command run:\n  " + stages.strip().replace("\n", "\n  "))
    result: dict[str, object] = {
        "reports": reports,
        "rows": rows,
        "pairs": pairs,
        "read_s": round(read, 3),
        "command_s": round(command, 3),
        "command_cpu_s": round(timings["command_cpu"], 3),
        "ratio": round(command / read, 2),
        "csv_module_s": round(csv_module, 3),
        "target_s": TARGET_S,
        "load_average": round(load, 2),
    }
    ok = command < TARGET_S
    if caers is not None:
        fit_s, nll = caers
        speedup = OPENEBGM_FIT_S / fit_s
        print(f"CAERS fit (17,189 pairs):           {fit_s:.3f} s, NLL {nll:.3f}")
        print(
            f"  openEBGM published {OPENEBGM_FIT_S} s: {speedup:.0f}x; target < {CAERS_TARGET_S} s"
        )
        result.update(caers_fit_s=round(fit_s, 4), caers_nll=round(nll, 3))
        ok = ok and fit_s < CAERS_TARGET_S
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
