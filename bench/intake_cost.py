"""What one accepted message costs the web process, in-process: the diagnosis behind `intake`.

The intake benchmark's ratio moves with the machine's load; this one does not need a quiet
machine as much. It calls Django's WSGI handler directly (no network, no gunicorn, one thread)
with the same no-op and accept requests as `bench intake`, and prints per request the CPU time
of this process (the waker thread included), the database server's CPU time on PostgreSQL
(its processes' ticks in /proc, when they are readable), and the number of Python calls (a
count that noise does not move). Usage: `python -m bench intake-cost [--requests N]`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.env import prepare_database, run_backends, setup_django

Call = Callable[[int], tuple[str, str, Any]]


def _wsgi_caller(token: str) -> Callable[[str, str, Any], str]:
    from django.core.wsgi import get_wsgi_application

    app = get_wsgi_application()

    def call(method: str, path: str, body: Any) -> str:
        data = json.dumps(body).encode() if body is not None else b""
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1:8000",
            "REMOTE_ADDR": "127.0.0.1",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(data)),
            "HTTP_AUTHORIZATION": f"Bearer {token}",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(data),
            "wsgi.errors": sys.stderr,
        }
        status: list[str] = []

        def start_response(line: str, _headers: Any, _exc_info: Any = None) -> Any:
            status.append(line)
            return lambda _data: None

        response = app(environ, start_response)
        b"".join(response)
        getattr(response, "close", lambda: None)()
        return status[0]

    return call


def _database_ticks() -> int:
    """CPU ticks of the local PostgreSQL server's processes (0 where /proc says nothing)."""
    try:
        pids = subprocess.run(["pgrep", "-u", "postgres"], capture_output=True, text=True)
    except OSError:
        return 0
    total = 0
    for pid in pids.stdout.split():
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total


def _measure(send: Callable[[str, str, Any], str], factory: Call, count: int) -> dict[str, float]:
    ticks, cpu = _database_ticks(), time.process_time()
    for index in range(count):
        send(*factory(index))
    cpu_ms = (time.process_time() - cpu) / count * 1000
    database_ms = (_database_ticks() - ticks) * 1000 / os.sysconf("SC_CLK_TCK") / count
    profiled = min(count, 500)
    profile = cProfile.Profile()
    profile.enable()
    for index in range(count, count + profiled):
        send(*factory(index))
    profile.disable()
    calls = pstats.Stats(profile).total_calls  # type: ignore[attr-defined]
    return {
        "cpu_ms": round(cpu_ms, 3),
        "database_cpu_ms": round(database_ms, 3),
        "python_calls": round(calls / profiled),
    }


def inner(args: argparse.Namespace) -> dict[str, Any]:
    setup_django()
    from bench.intake import _inbound, _noop, _workload

    prepare_database(args.persons, args.cases, args.seed)
    load = _workload(1)
    send = _wsgi_caller(load["tokens"][0])
    accept = _inbound(load, f"cost{time.time_ns()}")
    for index in range(200):  # warm: caches, prepared statements, the waker thread
        send(*_noop(index))
        send(*accept(10**6 + index))
    return {
        "backend": args.backend,
        "noop": _measure(send, _noop, args.requests),
        "accept": _measure(send, accept, args.requests),
    }


def report(result: dict[str, Any]) -> list[str]:
    if "error" in result:
        return [f"  {result['backend']}: FAILED ({result['error']})"]
    noop, accept = result["noop"], result["accept"]
    return [
        f"  {result['backend']}: per request, this process's CPU / database server CPU / "
        "Python calls",
        f"    no-op   {noop['cpu_ms']} ms / {noop['database_cpu_ms']} ms / {noop['python_calls']}",
        f"    accept  {accept['cpu_ms']} ms / {accept['database_cpu_ms']} ms / "
        f"{accept['python_calls']}",
        f"    CPU ratio no-op/accept (this process): {noop['cpu_ms'] / accept['cpu_ms']:.3f}",
    ]


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench intake-cost", description=__doc__)
    p.add_argument("--backends", default="sqlite,postgres")
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--persons", type=int, default=2000)
    p.add_argument("--cases", type=int, default=5000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--backend", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.inner:
        with open(args.out, "w") as out:
            json.dump(inner(args), out)
        return 0
    forwarded = [f"--{name}={getattr(args, name)}" for name in ("requests", "persons", "cases")]
    forwarded.append(f"--seed={args.seed}")
    title = "Intake cost in-process (Django's WSGI handler, one thread; see bench/README.md)"
    return run_backends("intake-cost", "bench.intake_cost", args, forwarded, title, report)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
