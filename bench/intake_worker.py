"""How fast the worker turns stored inbound messages into screened interactions.

After the accept phase the inbox holds every message the route answered 202 for, still pending
(no worker ran while the server was measured, so the two rates do not share the CPUs). Then
`manage.py run_huey` (process workers) drains it: each message is claimed, matched to a person
and case, logged through the cases service (screened; a flagged side effect opens a draft
safety case) and marked processed. The rate is taken between the first and the last
`processed_at`, so worker start-up is not counted. Then the books are checked: every accepted
message is in the inbox (none lost), each processed row has exactly one interaction and no
interaction is linked twice (none duplicated), and none failed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.env import ROOT


def _open_rows() -> int:
    from caredesk.channels.models import InboundMessage, InboxStatus

    return (
        InboundMessage.objects.system_scope()
        .filter(status__in=[InboxStatus.PENDING, InboxStatus.PROCESSING])
        .count()
    )


def start_workers(count: int, log_path: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "manage.py", "run_huey", "--workers", str(count)]
    command += ["--worker-type", "process", "--no-periodic", "--quiet"]
    log = log_path.open("wb")
    env = dict(os.environ)
    return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)


def _books(accepted: int) -> dict[str, Any]:
    from django.db.models import Count, Max, Min

    from caredesk.cases.models import Interaction
    from caredesk.channels.models import InboundMessage, InboxStatus

    rows = InboundMessage.objects.system_scope().filter(provider="bench")
    by_status = dict(rows.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    processed = rows.filter(status=InboxStatus.PROCESSED)
    span = processed.aggregate(first=Min("processed_at"), last=Max("processed_at"))
    linked = processed.exclude(interaction=None)
    marker_interactions = Interaction.objects.system_scope().filter(
        body__startswith="Benchmark inbound "
    )
    return {
        "accepted_202": accepted,
        "rows": rows.count(),
        "by_status": by_status,
        "lost": max(accepted - rows.count(), 0),
        "duplicated": marker_interactions.count() - linked.values("interaction").distinct().count(),
        "processed": processed.count(),
        "span_seconds": (
            (span["last"] - span["first"]).total_seconds() if span["first"] is not None else 0.0
        ),
    }


def drain(accepted: int, workers: int, timeout: float, log_path: Path) -> dict[str, Any]:
    """Run `workers` worker processes until the inbox is empty (or `timeout`); the figures."""
    from django.db import connections

    from caredesk.safety.models import SafetyCase

    safety_before = SafetyCase.objects.system_scope().count()
    pending = _open_rows()
    connections.close_all()
    started = time.monotonic()
    consumer = start_workers(workers, log_path)
    try:
        while _open_rows() and time.monotonic() - started < timeout:
            connections.close_all()
            time.sleep(0.5)
    finally:
        consumer.send_signal(signal.SIGINT)
        try:
            consumer.wait(timeout=30)
        except subprocess.TimeoutExpired:
            consumer.kill()
            consumer.wait()
    wall = time.monotonic() - started
    books = _books(accepted)
    processed, span = books["processed"], books["span_seconds"]
    return {
        "workers": workers,
        "pending_at_start": pending,
        "wall_seconds_with_startup": round(wall, 2),
        "rows_per_second": round((processed - 1) / span, 1) if span > 0 else 0.0,
        "ms_per_row_per_worker": round(span * 1000 * workers / processed, 2) if processed else 0,
        "left_open": _open_rows(),
        "safety_cases_opened": SafetyCase.objects.system_scope().count() - safety_before,
        **books,
    }
