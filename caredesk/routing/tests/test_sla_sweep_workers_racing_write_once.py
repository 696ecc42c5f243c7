"""Several workers sweeping the same cases at the same moment write each warning once
(PostgreSQL: the conditional UPDATE makes the later workers find the state already moved)."""

from __future__ import annotations

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections

from caredesk.cases.models import CaseStatus, SlaState, TimelineEntry, TimelineKind
from caredesk.routing.services.sla_sweep import SweepResult, sweep_sla
from caredesk.testing import factories as f

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent workers need a server database"
    ),
    pytest.mark.django_db(transaction=True),
]
NY = ZoneInfo("America/New_York")
WORKERS = 4
CASES = 12


def _worker(now: datetime, start: threading.Barrier, results: list, errors: list) -> None:
    try:
        start.wait()
        results.append(sweep_sla(now, batch_size=5))
    except BaseException as exc:
        errors.append(exc)
    finally:
        connections.close_all()


def test_racing_workers_write_each_warning_once(world):
    opened = datetime(2026, 6, 2, 10, 0, tzinfo=NY)
    cases = [
        f.CaseFactory(
            program=world.program_a,
            status=CaseStatus.OPEN,
            opened_at=opened,
            first_response_due=datetime(2026, 6, 2, 11, 0, tzinfo=NY),
            resolution_due=datetime(2026, 6, 2, 20, 0, tzinfo=NY),
        )
        for _ in range(CASES)
    ]
    start = threading.Barrier(WORKERS)
    results: list[SweepResult] = []
    errors: list[BaseException] = []
    now = datetime(2026, 6, 2, 10, 50, tzinfo=NY)
    threads = [
        threading.Thread(target=_worker, args=(now, start, results, errors)) for _ in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sum(r.warnings for r in results) == CASES
    warnings = TimelineEntry.objects.filter(kind=TimelineKind.SLA_WARNING)
    assert sorted(warnings.values_list("case_id", flat=True)) == sorted(c.pk for c in cases)
    assert all(
        state == SlaState.WARNING
        for state in world.program_a.cases.filter(pk__in=[c.pk for c in cases]).values_list(
            "sla_state", flat=True
        )
    )
