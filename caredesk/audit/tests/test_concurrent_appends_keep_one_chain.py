"""Appends from concurrent transactions form one unbroken chain (PostgreSQL advisory lock)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.services import record_event
from caredesk.audit.verification import verify_chain

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need a server database"
    ),
    pytest.mark.django_db(transaction=True),
]

WRITERS = 4
EVENTS_EACH = 25


def _writer(user, case, start: threading.Barrier, errors: list[BaseException]) -> None:
    try:
        start.wait()
        for n in range(EVENTS_EACH):
            with transaction.atomic():
                record_event(
                    AuditAction.UPDATE,
                    acting_user=user,
                    instance=case,
                    changes={"note": [None, n]},
                )
    except BaseException as exc:
        errors.append(exc)
    finally:
        connections.close_all()


def test_concurrent_writers_produce_a_verifiable_chain(world):
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []
    users = [world.agent_a, world.supervisor_a, world.safety_a, world.auditor_a]
    threads = [
        threading.Thread(target=_writer, args=(users[i], world.case_a, start, errors))
        for i in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    total = WRITERS * EVENTS_EACH
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == list(range(1, total + 1))
    result = verify_chain()
    assert result.ok, result.broken
    assert result.verified == total
