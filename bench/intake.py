"""Intake benchmark: concurrent clients log interactions through the REST API.

Server: Django's own threaded WSGI server, the one `make run` uses (`WSGIServer` with
`ThreadingMixIn`, one thread per connection, keep-alive), on 127.0.0.1 and a free port, in a
subprocess so that its GIL is not shared with the clients. By default it is built by
`bench/server.py` exactly as runserver builds it plus TCP_NODELAY (see there why);
`--server runserver` runs `python -m django runserver --noreload` itself.
Baseline: `GET /api/v1/health` of the same server, measured before and after the intake phase.
Workload: `POST /api/v1/cases/{id}/interactions` with a bearer token of `agent.relief`, on the
open cases of that agent's program in a small demo load. Targets: intake/no-op throughput ratio
>= 0.40 and intake p99 < 100 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.env import BACKENDS, free_port, prepare_database, run_inner, setup_django
from bench.loadgen import PhaseResult, run_phase
from bench.stats import ratio, verdict, write_result

TARGET_RATIO = 0.40
TARGET_P99_MS = 100.0
FORWARDED = ("server", "threads", "tokens", "requests", "seconds", "persons", "cases", "seed")
CHANNELS = ("phone", "email", "webchat", "sms", "whatsapp")


def _tokens_and_cases(count: int) -> tuple[list[str], list[int]]:
    from caredesk.accounts.models import User
    from caredesk.accounts.services.tokens import create_api_token
    from caredesk.cases.models import OPEN_STATUSES, Case

    agent = User.objects.get(username="agent.relief")
    tokens = [create_api_token(agent, f"intake benchmark {i}") for i in range(count)]
    cases = Case.objects.visible_to(agent).filter(status__in=list(OPEN_STATUSES))
    return tokens, list(cases.order_by("id").values_list("id", flat=True)[:500])


SERVERS = {
    "nodelay": "Django's threaded WSGIServer as runserver builds it, with TCP_NODELAY "
    "(python -m bench.server), subprocess",
    "runserver": "python -m django runserver --noreload, subprocess",
}


def _start_server(kind: str, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    if kind == "runserver":
        command = [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}"]
        command += ["--noreload", "--skip-checks"]
    else:
        command = [sys.executable, "-m", "bench.server", str(port)]
    log = log_path.open("wb")
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ))


def _wait_ready(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server on port {port} did not answer within {timeout} s")


def _merged(name: str, phases: list[PhaseResult]) -> PhaseResult:
    merged = PhaseResult(name=name)
    for phase in phases:
        merged.latencies += phase.latencies
        merged.wall_seconds += phase.wall_seconds
        for key, count in phase.errors.items():
            merged.errors[key] = merged.errors.get(key, 0) + count
    return merged


def _measure(port: int, tokens: list[str], case_ids: list[int], args: argparse.Namespace) -> dict:
    headers = [
        {"Authorization": f"Bearer {token}", "Content-Type": "application/json"} for token in tokens
    ]

    def noop(_index: int) -> tuple[str, str, None]:
        return "GET", "/api/v1/health", None

    def intake(index: int) -> tuple[str, str, dict[str, str]]:
        body = {
            "channel": CHANNELS[index % len(CHANNELS)],
            "direction": "inbound",
            "body": f"Benchmark contact {index}: caller asks how many tablets to take a day.",
        }
        return "POST", f"/api/v1/cases/{case_ids[index % len(case_ids)]}/interactions", body

    limits = {"threads": args.threads, "seconds": args.seconds, "headers": headers}
    run_phase("warm-up", port, noop, requests=100, **limits)
    run_phase("warm-up", port, intake, requests=50, **limits)
    first = run_phase("noop", port, noop, requests=args.requests, **limits)
    work = run_phase("intake", port, intake, requests=args.requests, **limits)
    second = run_phase("noop", port, noop, requests=args.requests, **limits)
    baseline = _merged("noop", [first, second])
    return {
        "noop": baseline.summary(),
        "intake": work.summary(),
        "ratio_throughput": ratio(work.throughput, baseline.throughput),
    }


def inner(args: argparse.Namespace) -> dict[str, Any]:
    setup_django()
    from django.db import connections

    load_seconds = prepare_database(args.persons, args.cases, args.seed)
    tokens, case_ids = _tokens_and_cases(args.tokens)
    connections.close_all()
    port = free_port()
    server = _start_server(args.server, port, Path(args.out).with_name("server.log"))
    try:
        _wait_ready(port)
        measured = _measure(port, tokens, case_ids, args)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return {
        "backend": args.backend,
        "server": SERVERS[args.server],
        "threads": args.threads,
        "tokens": args.tokens,
        "demo": {"persons": args.persons, "cases": args.cases, "load_seconds": load_seconds},
        "open_cases_used": len(case_ids),
        **measured,
    }


def report(result: dict[str, Any]) -> list[str]:
    if "error" in result:
        return [f"  {result['backend']}: FAILED ({result['error']})"]
    noop, work = result["noop"], result["intake"]
    ratio_ok = result["ratio_throughput"] >= TARGET_RATIO
    p99_ok = work.get("p99_ms", float("inf")) < TARGET_P99_MS
    return [
        f"  {result['backend']}: {result['server']}",
        f"    {result['threads']} threads, {result.get('tokens', 1)} token(s), "
        f"demo {result['demo']['persons']} persons / {result['demo']['cases']} cases",
        f"    no-op  GET /api/v1/health: {noop['throughput_rps']} req/s, "
        f"p50 {noop.get('p50_ms')} ms, p99 {noop.get('p99_ms')} ms, errors {noop['errors']}",
        f"    intake POST interactions:  {work['throughput_rps']} req/s, "
        f"p50 {work.get('p50_ms')} ms, p99 {work.get('p99_ms')} ms, errors {work['errors']}",
        f"    ratio intake/no-op throughput: {result['ratio_throughput']} "
        f"(target >= {TARGET_RATIO}: {verdict(ratio_ok)}); "
        f"intake p99 target < {TARGET_P99_MS:.0f} ms: {verdict(p99_ok)}",
    ]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench intake", description=__doc__)
    p.add_argument("--backends", default=",".join(BACKENDS))
    p.add_argument("--threads", type=int, default=8)
    p.add_argument(
        "--server",
        choices=sorted(SERVERS),
        default="nodelay",
        help="runserver stalls ~40 ms per keep-alive response (Nagle + delayed ACK)",
    )
    p.add_argument("--tokens", type=int, default=1, help="bearer tokens, spread over clients")
    p.add_argument("--requests", type=int, default=2000, help="per phase")
    p.add_argument("--seconds", type=float, default=60, help="per phase")
    p.add_argument("--persons", type=int, default=2000)
    p.add_argument("--cases", type=int, default=5000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--backend", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.inner:
        Path(args.out).write_text(json.dumps(inner(args), default=str))
        return 0
    forwarded = [f"--{name}={getattr(args, name)}" for name in FORWARDED]
    results = [
        run_inner("bench.intake", backend, forwarded, timeout=1800)
        for backend in args.backends.split(",")
    ]
    print("Intake benchmark (ratio against GET /api/v1/health of the same server, same run)")
    for result in results:
        print("\n".join(report(result)))
    path = write_result("intake", {"latency_unit": "ms", "results": results})
    print(f"  written to {path}")
    return 0 if all("error" not in r for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
