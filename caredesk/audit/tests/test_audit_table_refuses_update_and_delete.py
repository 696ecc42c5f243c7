"""The database itself refuses to change or remove audit events (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.services import record_event
from caredesk.audit.verification import verify_chain
from caredesk.testing.audit import enforce_append_only

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="TRUNCATE and ALTER TABLE triggers are PostgreSQL"
)


@pytest.fixture
def event(world) -> AuditEvent:
    first = record_event(AuditAction.VIEW, acting_user=world.agent_a, instance=world.case_a)
    enforce_append_only()
    return first


def _refused(statement: str, params: list | None = None) -> str:
    with (
        pytest.raises(DatabaseError) as excinfo,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement, params or [])
    return str(excinfo.value)


def test_raw_update_is_refused(event):
    message = _refused("UPDATE audit_auditevent SET reason = 'edited' WHERE id = %s", [event.pk])
    assert "append-only" in message
    event.refresh_from_db()
    assert event.reason == ""


def test_raw_delete_is_refused(event):
    assert "append-only" in _refused("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_orm_bulk_update_and_delete_are_refused(event):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(reason="edited")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk, reason="").exists()


def test_appending_still_works_while_enforced(event, world):
    record_event(AuditAction.VIEW, acting_user=world.agent_a, instance=world.case_a)
    assert verify_chain().verified == 2


@on_postgres
def test_truncate_is_refused_on_postgres(event):
    assert "append-only" in _refused("TRUNCATE audit_auditevent CASCADE")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@on_postgres
def test_with_the_trigger_disabled_verify_still_catches_the_edit(event, world):
    """Someone with ALTER rights can switch the trigger off; the hash chain still tells."""
    record_event(AuditAction.VIEW, acting_user=world.agent_a, instance=world.case_a)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_append_only")
        cursor.execute("UPDATE audit_auditevent SET reason = 'edited' WHERE id = %s", [event.pk])
    result = verify_chain()
    assert result.broken is not None
    assert (result.broken.seq, result.broken.event_id) == (event.seq, event.pk)
    assert "hash mismatch" in result.broken.reason


def test_with_the_sqlite_trigger_dropped_verify_still_catches_the_delete(event, world):
    if connection.vendor != "sqlite":
        pytest.skip("the PostgreSQL variant is the test above")
    second = record_event(AuditAction.VIEW, acting_user=world.agent_a, instance=world.case_a)
    record_event(AuditAction.VIEW, acting_user=world.agent_a, instance=world.case_a)
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER audit_auditevent_no_delete")
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [second.pk])
    result = verify_chain()
    assert result.broken is not None
    assert "gap in seq" in result.broken.reason
