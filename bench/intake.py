"""Intake benchmark: what a channel integration calls, at concurrency, against a same-run no-op.

Phases, all through one server (gunicorn by default; `bench/intake_server.py`), each bounded by
`--requests` and `--seconds`:
1. no-op `GET /api/v1/health` (the baseline), in slices alternating with the accept phase's
   (`--rounds`), before, between and after them, merged;
2. accept: `POST /api/v1/programs/{id}/inbound` with a bearer token of `agent.relief`, the one
   inbound path of every channel: validate, store the inbox row durably, enqueue, answer 202.
   Senders are the program's demo phones and emails and a few chat sessions; one message in
   five reports a side effect. No worker runs meanwhile;
3. sync: `POST /api/v1/cases/{id}/interactions`, the synchronous create (screened inside the
   request), kept for comparison with earlier runs.
Then the server stops and huey process workers drain the inbox (`bench/intake_worker.py`):
the rate at which stored messages become screened interactions, and the books (lost,
duplicated, failed). Targets (issue 2): accept/no-op throughput >= 0.40 and accept p99 < 100 ms.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.env import BACKENDS, free_port, prepare_database, run_backends, setup_django
from bench.intake_server import SERVERS, describe, start_server, stop_server, wait_ready
from bench.intake_worker import drain
from bench.loadgen import PhaseResult, RequestFactory, run_phase
from bench.stats import ratio, verdict

TARGET_RATIO = 0.40
TARGET_P99_MS = 100.0
FORWARDED = (
    "server",
    "server_workers",
    "server_threads",
    "threads",
    "tokens",
    "requests",
    "seconds",
    "rounds",
    "persons",
    "cases",
    "seed",
    "drain_workers",
    "drain_seconds",
)
CHANNELS = ("phone", "email", "webchat", "sms", "whatsapp")
QUESTION = "how many tablets can I take in a day?"
SIDE_EFFECT = "I got a bad rash and felt dizzy after the tablets."


def _workload(count: int) -> dict[str, Any]:
    """Tokens of agent.relief, its program, open cases and the program's phones and emails."""
    from caredesk.accounts.models import User
    from caredesk.accounts.services.tokens import create_api_token
    from caredesk.cases.models import OPEN_STATUSES, Case
    from caredesk.people.models import ContactPoint
    from caredesk.tenancy.services import writable_programs

    agent = User.objects.get(username="agent.relief")
    tokens = [create_api_token(agent, f"intake benchmark {i}") for i in range(count)]
    cases = Case.objects.visible_to(agent).filter(status__in=list(OPEN_STATUSES))
    program = writable_programs(agent)[0]
    contacts = ContactPoint.objects.visible_to(agent).filter(
        program=program, kind__in=["phone", "email"]
    )
    return {
        "tokens": tokens,
        "program_id": program.pk,
        "case_ids": list(cases.order_by("id").values_list("id", flat=True)[:500]),
        "senders": list(contacts.order_by("id").values_list("kind", "value")[:500]),
    }


def _inbound(load: dict[str, Any], tag: str) -> RequestFactory:
    """The i-th message: a known phone (SMS/WhatsApp), email, or a chat session; 1 in 5 an AE."""
    path = f"/api/v1/programs/{load['program_id']}/inbound"
    senders = load["senders"]

    def factory(index: int) -> tuple[str, str, dict[str, Any]]:
        text = SIDE_EFFECT if index % 5 == 0 else QUESTION
        body: dict[str, Any] = {
            "provider": "bench",
            "provider_message_id": f"{tag}-{index}",
            "body": f"Benchmark inbound {tag}-{index}: {text}",
        }
        if index % 10 == 9 or not senders:
            body |= {"channel": "webchat", "session_id": f"bench-chat-{index % 40}"}
        else:
            kind, value = senders[index % len(senders)]
            if kind == "email":
                body |= {"channel": "email", "from_address": value, "subject": "A question"}
            else:
                body |= {"channel": "sms" if index % 2 else "whatsapp", "from_phone": value}
        return "POST", path, body

    return factory


def _sync(load: dict[str, Any]) -> RequestFactory:
    case_ids = load["case_ids"]

    def factory(index: int) -> tuple[str, str, dict[str, str]]:
        body = {
            "channel": CHANNELS[index % len(CHANNELS)],
            "direction": "inbound",
            "body": f"Benchmark contact {index}: caller asks how many tablets to take a day.",
        }
        return "POST", f"/api/v1/cases/{case_ids[index % len(case_ids)]}/interactions", body

    return factory


def _noop(_index: int) -> tuple[str, str, None]:
    return "GET", "/api/v1/health", None


def _merged(name: str, phases: list[PhaseResult]) -> PhaseResult:
    merged = PhaseResult(name=name)
    for phase in phases:
        merged.latencies += phase.latencies
        merged.wall_seconds += phase.wall_seconds
        for key, count in phase.errors.items():
            merged.errors[key] = merged.errors.get(key, 0) + count
    return merged


def _measure(port: int, load: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    headers = [
        {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        for token in load["tokens"]
    ]
    limits = {"threads": args.threads, "seconds": args.seconds, "headers": headers}
    run_phase("warm-up", port, _noop, requests=100, **limits)
    warm = run_phase("warm-up", port, _inbound(load, "warm"), requests=50, **limits)
    run_phase("warm-up", port, _sync(load), requests=20, **limits)
    # Alternating slices (no-op, accept, no-op, accept, ..., no-op): a change in the machine's
    # load during the run falls on both sides of the ratio rather than on one phase.
    per_slice = max(1, args.requests // args.rounds)
    limits["seconds"] = args.seconds / args.rounds
    noops = [run_phase("noop", port, _noop, requests=per_slice, **limits)]
    accepts = []
    for round_ in range(args.rounds):
        factory = _inbound(load, f"run{round_}")
        accepts.append(run_phase("accept", port, factory, requests=per_slice, **limits))
        noops.append(run_phase("noop", port, _noop, requests=per_slice, **limits))
    limits["seconds"] = args.seconds
    sync = run_phase("sync", port, _sync(load), requests=args.requests, **limits)
    baseline = _merged("noop", noops)
    accept = _merged("accept", accepts)
    return {
        "noop": baseline.summary(),
        "accept": accept.summary(),
        "sync": sync.summary(),
        "ratio_accept": ratio(accept.throughput, baseline.throughput),
        "ratio_sync": ratio(sync.throughput, baseline.throughput),
        "rounds": args.rounds,
        "accepted_202": len(warm.latencies) + len(accept.latencies),
    }


def inner(args: argparse.Namespace) -> dict[str, Any]:
    setup_django()
    from django.db import connections

    load_seconds = prepare_database(args.persons, args.cases, args.seed)
    load = _workload(args.tokens)
    connections.close_all()
    port = free_port()
    log = Path(args.out).with_name("server.log")
    workers = args.server_workers or (1 if args.backend == "sqlite" else 2)
    server = start_server(args.server, port, log, workers=workers, threads=args.server_threads)
    try:
        wait_ready(port)
        measured = _measure(port, load, args)
    finally:
        stop_server(server)
    worker_log = Path(args.out).with_name("worker.log")
    processing = drain(measured["accepted_202"], args.drain_workers, args.drain_seconds, worker_log)
    return {
        "backend": args.backend,
        "server": describe(args.server, workers, args.server_threads),
        "threads": args.threads,
        "tokens": args.tokens,
        "demo": {"persons": args.persons, "cases": args.cases, "load_seconds": load_seconds},
        "senders_used": len(load["senders"]),
        **measured,
        "processing": processing,
    }


def _line(label: str, phase: dict[str, Any]) -> str:
    return (
        f"    {label}{phase['throughput_rps']} req/s, p50 {phase.get('p50_ms')} ms, "
        f"p99 {phase.get('p99_ms')} ms, errors {phase['errors']}"
    )


def report(result: dict[str, Any]) -> list[str]:
    if "error" in result:
        return [f"  {result['backend']}: FAILED ({result['error']})"]
    accept, work = result["accept"], result["processing"]
    ratio_ok = result["ratio_accept"] >= TARGET_RATIO
    p99_ok = accept.get("p99_ms", float("inf")) < TARGET_P99_MS
    return [
        f"  {result['backend']}: {result['server']}",
        f"    {result['threads']} client threads, {result.get('tokens', 1)} token(s), "
        f"demo {result['demo']['persons']} persons / {result['demo']['cases']} cases",
        _line("no-op   GET /api/v1/health:                  ", result["noop"]),
        _line("accept  POST /programs/{id}/inbound -> 202:  ", accept),
        f"      ratio accept/no-op {result['ratio_accept']} "
        f"(target >= {TARGET_RATIO}: {verdict(ratio_ok)}); "
        f"accept p99 < {TARGET_P99_MS:.0f} ms: {verdict(p99_ok)}",
        _line("sync    POST /cases/{id}/interactions -> 201:", result["sync"]),
        f"      ratio sync/no-op {result['ratio_sync']} (the old synchronous path, for comparison)",
        f"    worker  inbox -> screened interaction, {work['workers']} process(es): "
        f"{work['rows_per_second']} messages/s ({work['ms_per_row_per_worker']} ms per message "
        f"per worker), {work['processed']} processed of {work['accepted_202']} accepted; "
        f"lost {work['lost']}, duplicated {work['duplicated']}, left open {work['left_open']}, "
        f"by status {work['by_status']}; draft safety cases opened {work['safety_cases_opened']}",
        "      (accept = what a channel integration waits for; worker = how fast accepted "
        "messages become screened interactions: not the same rate)",
    ]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench intake", description=__doc__)
    p.add_argument("--backends", default=",".join(BACKENDS))
    p.add_argument("--threads", type=int, default=8, help="client threads (connections)")
    p.add_argument("--server", choices=sorted(SERVERS), default="gunicorn")
    p.add_argument(
        "--server-workers",
        type=int,
        default=0,
        help="gunicorn processes; 0: one on SQLite (one writer), two on PostgreSQL",
    )
    p.add_argument("--server-threads", type=int, default=4, help="threads per gunicorn process")
    p.add_argument("--tokens", type=int, default=1, help="bearer tokens, spread over clients")
    p.add_argument("--requests", type=int, default=2000, help="per phase")
    p.add_argument("--seconds", type=float, default=60, help="per phase")
    p.add_argument(
        "--rounds", type=int, default=5, help="alternating no-op/accept slices of each phase"
    )
    p.add_argument("--persons", type=int, default=2000)
    p.add_argument("--cases", type=int, default=5000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--drain-workers", type=int, default=2, help="huey worker processes")
    p.add_argument("--drain-seconds", type=float, default=600, help="bound on the drain")
    p.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--backend", help=argparse.SUPPRESS)
    p.add_argument("--out", help=argparse.SUPPRESS)
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.inner:
        Path(args.out).write_text(json.dumps(inner(args), default=str))
        return 0
    forwarded = [f"--{name.replace('_', '-')}={getattr(args, name)}" for name in FORWARDED]
    title = "Intake benchmark (ratios against GET /api/v1/health of the same server, same run)"
    return run_backends("intake", "bench.intake", args, forwarded, title, report)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
