"""`caredesk audit verify` recomputes the chain and names the first broken event."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from caredesk.audit.chain import canonical_payload, event_hash
from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.services import record_event
from caredesk.audit.verification import verify_chain
from caredesk.cli import main as caredesk_main


def _write_events(world, count: int = 5) -> list[AuditEvent]:
    return [
        record_event(
            AuditAction.UPDATE,
            acting_user=world.supervisor_a,
            instance=world.case_a,
            changes={"priority": [3, n]},
            reason=f"step {n}",
        )
        for n in range(count)
    ]


def _sql(statement: str, params: list | None = None) -> None:
    """Raw SQL, as a person with database access would tamper (the test DB allows it)."""
    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])


def _verify_fails() -> str:
    with pytest.raises(CommandError) as excinfo:
        call_command("audit", "verify")
    assert excinfo.value.returncode != 0
    return str(excinfo.value)


def test_an_intact_chain_verifies_and_reports_its_count(world, capsys):
    _write_events(world, 4)
    call_command("audit", "verify")
    assert "4 events verified" in capsys.readouterr().out


def test_an_empty_trail_verifies(db):
    assert verify_chain().ok


def test_a_changed_field_is_a_hash_mismatch_at_that_event(world):
    events = _write_events(world)
    target = events[2]
    _sql(
        "UPDATE audit_auditevent SET reason = %s WHERE id = %s",
        ["nothing to see", target.pk],
    )
    message = _verify_fails()
    assert f"seq {target.seq} (id {target.pk})" in message
    assert "hash mismatch" in message


def test_a_rehashed_event_breaks_the_next_events_prev_hash(world):
    events = _write_events(world)
    target = events[1]
    target.refresh_from_db()
    forged = {
        field: getattr(target, field)
        for field in [
            "seq",
            "at",
            "actor_id",
            "actor_username",
            "action",
            "model",
            "object_id",
            "program_id",
            "request_id",
            "prev_hash",
        ]
    }
    forged["changes"] = {"priority": [3, 99]}
    forged["reason"] = target.reason
    _sql(
        "UPDATE audit_auditevent SET changes = %s, hash = %s WHERE id = %s",
        [json.dumps(forged["changes"]), event_hash(canonical_payload(**forged)), target.pk],
    )
    message = _verify_fails()
    follower = events[2]
    assert f"seq {follower.seq} (id {follower.pk})" in message
    assert "prev_hash mismatch" in message


def test_a_deleted_event_is_a_gap_in_seq(world):
    events = _write_events(world)
    _sql("DELETE FROM audit_auditevent WHERE id = %s", [events[3].pk])
    message = _verify_fails()
    assert f"seq {events[4].seq} (id {events[4].pk})" in message
    assert f"gap in seq: expected {events[3].seq}" in message


def test_result_names_the_first_break_only(world):
    events = _write_events(world)
    _sql(
        "UPDATE audit_auditevent SET reason = 'x' WHERE id IN (%s, %s)",
        [events[1].pk, events[3].pk],
    )
    result = verify_chain()
    assert not result.ok
    assert result.broken is not None
    assert (result.broken.seq, result.broken.event_id) == (events[1].seq, events[1].pk)
    assert result.verified == 1


@pytest.mark.django_db(transaction=True)
def test_the_caredesk_command_exits_zero_then_non_zero_after_tampering(world, capsys):
    events = _write_events(world, 3)
    assert caredesk_main(["audit", "verify"]) == 0
    assert "3 events verified" in capsys.readouterr().out

    _sql(
        "UPDATE audit_auditevent SET actor_username = 'someone_else' WHERE id = %s", [events[0].pk]
    )
    assert caredesk_main(["audit", "verify"]) != 0
    err = capsys.readouterr().err
    assert f"seq {events[0].seq} (id {events[0].pk})" in err
    assert "hash mismatch" in err
