"""`python -m bench` runs every benchmark; `python -m bench NAME [options]` runs one.

Each benchmark prints its result as a ratio against a baseline measured in the same run and
writes bench/out/<name>.json.
"""

from __future__ import annotations

import sys

from bench import (
    channels_burst,
    deadlines_bench,
    intake,
    intake_cost,
    search,
    signals_bench,
    trend_bench,
    triage_bench,
)


def _triage(argv: list[str]) -> int:
    triage_bench.main()
    return 0


BENCHMARKS = {
    "intake": intake.main,
    "intake-cost": intake_cost.main,
    "burst": channels_burst.main,
    "search": search.main,
    "triage": _triage,
    "deadlines": deadlines_bench.main,
    "signals": signals_bench.main,
    "trend": trend_bench.main,
}


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        print("benchmarks:", ", ".join(BENCHMARKS))
        return 0
    if argv and argv[0] in BENCHMARKS:
        return BENCHMARKS[argv[0]](argv[1:])
    if argv:
        print(f"unknown benchmark {argv[0]!r}; choose from {', '.join(BENCHMARKS)}")
        return 2
    status = 0
    for run in BENCHMARKS.values():
        status |= run([])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
