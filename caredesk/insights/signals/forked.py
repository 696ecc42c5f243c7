"""Split a CPU-bound job over forked worker processes (reading and formatting big files).

Reading REPORTS.csv and formatting RESULTS.csv spend their time in the interpreter (a dict
lookup or a float format per value), which one process cannot spread over cores. On Linux a
forked worker sees the parent's memory copy-on-write, so the job's big inputs (the file's
bytes, the score arrays) are never pickled: only a part number goes out and the part's result
comes back. Part 0 runs in the calling process while the workers run the others.

Where fork is unavailable, or one part is asked for (`cpus()` says how many are worth it),
everything runs in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
MAX_WORKERS = 8

_JOB: tuple[Callable[[Any, int], Any], Any] | None = None


def cpus() -> int:
    """Processes worth using: 1 plus the CPUs left idle by the machine's load, at most the CPUs
    this process may run on (its affinity mask) and MAX_WORKERS.

    On a busy machine a forked part only competes with the others for the same core and adds
    the cost of sending its result back (measured: +1 s CPU, no faster, at load 6 on 2 CPUs),
    so the job then runs in one process."""
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        available = os.cpu_count() or 1
    try:
        idle = available - os.getloadavg()[0]
    except OSError:
        idle = 0.0
    return max(1, min(available, MAX_WORKERS, 1 + int(max(idle, 0.0))))


def _run_part(part: int) -> Any:
    assert _JOB is not None
    function, job = _JOB
    return function(job, part)


def fork_map(function: Callable[[Any, int], T], job: Any, parts: int) -> list[T]:
    """[function(job, part) for part in range(parts)], parts 1… in forked processes."""
    global _JOB
    if parts <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(job, part) for part in range(parts)]
    _JOB = (function, job)
    try:
        with multiprocessing.get_context("fork").Pool(parts - 1) as pool:
            pending = pool.map_async(_run_part, range(1, parts))
            first = function(job, 0)
            return [first, *pending.get()]
    finally:
        _JOB = None
