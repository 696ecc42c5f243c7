"""Agents pressing "get next" at the same moment never get the same case (PostgreSQL: the
candidate row is locked with SKIP LOCKED and claimed by a conditional UPDATE)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from caredesk.cases.models import Case, CaseStatus, TimelineEntry, TimelineKind
from caredesk.routing.services.assignment import next_case_for
from caredesk.testing import factories as f
from caredesk.testing.routing_objects import skilled_agent

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent pickers need a server database (SQLite runs writers one at a time)",
    ),
    pytest.mark.django_db(transaction=True),
]
AGENTS = 6
CASES = 30


def _picker(agent, start: threading.Barrier, taken: list, errors: list) -> None:
    try:
        start.wait()
        while (case := next_case_for(agent)) is not None:
            taken.append((agent.pk, case.pk))
    except BaseException as exc:
        errors.append(exc)
    finally:
        connections.close_all()


def test_racing_agents_take_each_case_once(world):
    Case.objects.filter(pk__in=[world.case_a.pk]).update(status=CaseStatus.CLOSED)
    cases = [f.CaseFactory(program=world.program_a) for _ in range(CASES)]
    agents = [skilled_agent(world.program_a) for _ in range(AGENTS)]
    start = threading.Barrier(AGENTS)
    taken: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_picker, args=(agent, start, taken, errors)) for agent in agents
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    case_ids = [case_id for _agent, case_id in taken]
    assert sorted(case_ids) == sorted(c.pk for c in cases)  # every case once, none twice
    owners = dict(Case.objects.filter(pk__in=case_ids).values_list("pk", "owner_id"))
    assert all(owners[case_id] == agent_id for agent_id, case_id in taken)
    entries = TimelineEntry.objects.filter(kind=TimelineKind.ASSIGNMENT, case_id__in=case_ids)
    assert entries.count() == CASES
    assert len({agent_id for agent_id, _ in taken}) > 1  # the work was shared
