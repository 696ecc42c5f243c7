"""Benchmark `caredesk safety deadlines`: cost per situation against plain JSONL read/write.

Run `python -m bench.deadlines_bench [--situations N] [--rounds R]`. Generates N (100,000)
deterministic situations (every jurisdiction and product type, Day 0 spread over 2020-2030,
random flags), then times, interleaved R (3) times on one core:

- baseline: parse each JSONL line and write the same object back as a JSONL line;
- deadlines: `deadlines_lines`, the function behind the CLI (parse, validate, evaluate every
  rule, compute due dates, write the output line).

Prints the best time of each (the least disturbed by a noisy machine), their ratio and the
microseconds the rules add per situation. Target (issue 6): under 20 µs added per situation.
No database is touched. Results also go to bench/out/deadlines.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import sys
import time
from pathlib import Path

from caredesk.safety.reportability.batch import CONTRACT_FLAGS, deadlines_lines
from caredesk.safety.reportability.rules import PRODUCT_TYPES, load_rules

OUT = Path(__file__).resolve().parent / "out" / "deadlines.json"
TARGET_US = 20.0


def situations(n: int, seed: int = 6) -> list[str]:
    """N JSONL lines of situations; each flag is true with probability 0.3."""
    rng = random.Random(seed)
    first = dt.date(2020, 1, 1).toordinal()
    span = dt.date(2030, 12, 31).toordinal() - first
    lines = []
    for i in range(n):
        obj: dict[str, object] = {
            "id": f"s{i}",
            "jurisdiction": rng.choice(("US", "EU", "CA")),
            "product_type": rng.choice(PRODUCT_TYPES),
            "day_zero": dt.date.fromordinal(first + rng.randrange(span)).isoformat(),
        }
        for flag in CONTRACT_FLAGS:
            if rng.random() < 0.3:
                obj[flag] = True
        lines.append(json.dumps(obj) + "\n")
    return lines


def baseline(lines: list[str]) -> float:
    out = io.StringIO()
    loads, dumps, write = json.loads, json.dumps, out.write
    t0 = time.perf_counter()
    for line in lines:
        if line.strip():
            write(dumps(loads(line), ensure_ascii=False, separators=(",", ":")) + "\n")
    return time.perf_counter() - t0


def deadlines(lines: list[str]) -> float:
    out, err = io.StringIO(), io.StringIO()
    t0 = time.perf_counter()
    report = deadlines_lines(lines, out, err)
    elapsed = time.perf_counter() - t0
    if report.invalid:
        raise SystemExit(f"generated situations were refused: {report.invalid[:3]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--situations", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    lines = situations(args.situations)
    load_rules()
    deadlines(lines[:2000])  # warm up: rule table, holiday years
    base_runs, full_runs = [], []
    for _ in range(args.rounds):
        base_runs.append(baseline(lines))
        full_runs.append(deadlines(lines))
    base, full = min(base_runs), min(full_runs)
    added_us = (full - base) / len(lines) * 1e6
    result = {
        "situations": len(lines),
        "baseline_s": round(base, 4),
        "deadlines_s": round(full, 4),
        "ratio": round(full / base, 2),
        "added_us_per_situation": round(added_us, 2),
        "target_us": TARGET_US,
    }
    print(f"situations: {len(lines)}")
    print(f"baseline (JSONL read + write): {base:.3f} s ({base / len(lines) * 1e6:.2f} µs each)")
    print(f"deadlines (CLI function):      {full:.3f} s ({full / len(lines) * 1e6:.2f} µs each)")
    print(f"ratio deadlines/baseline:      {full / base:.2f}x")
    print(f"added per situation:           {added_us:.2f} µs  target < {TARGET_US:.0f} µs")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if added_us < TARGET_US else 1


if __name__ == "__main__":
    sys.exit(main())
