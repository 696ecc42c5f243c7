"""The auditor screens show one record's full trail, only within the reader's programs."""

from __future__ import annotations

import csv
import io

import pytest

from caredesk.audit.context import reset_request_id, set_request_id
from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.audit.services import record_event


@pytest.fixture
def trails(world):
    token = set_request_id("req-audit-0001")
    try:
        mine = record_event(
            AuditAction.UPDATE,
            acting_user=world.supervisor_a,
            instance=world.case_a,
            changes={"priority": [3, 1]},
            reason="caller mentioned chest pain",
        )
        other = record_event(
            AuditAction.UPDATE,
            acting_user=world.agent_b,
            instance=world.case_b,
            changes={"subject": ["old secret", "new secret"]},
            reason="other client's business",
        )
    finally:
        reset_request_id(token)
    return mine, other


def _url(event: AuditEvent, suffix: str = "") -> str:
    return f"/audit/{event.model}/{event.object_id}/{suffix}"


def test_record_trail_shows_who_when_what_and_why(client, world, trails):
    mine, _ = trails
    client.force_login(world.auditor_a)
    response = client.get(_url(mine))
    assert response.status_code == 200
    html = response.content.decode()
    assert "supervisor_a" in html
    assert "priority</strong>: 3 → 1" in html
    assert "caller mentioned chest pain" in html
    assert "req-audit-0001" in html
    assert " UTC" in html


def test_another_programs_record_is_not_found(client, world, trails):
    _, other = trails
    client.force_login(world.auditor_a)
    assert client.get(_url(other)).status_code == 404
    assert client.get(_url(other, "export.csv")).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_recent_events_list_only_the_readers_programs(client, world, trails):
    client.force_login(world.auditor_a)
    html = client.get("/audit/").content.decode()
    assert "caller mentioned chest pain" in html
    assert "other client" not in html
    assert "old secret" not in html


def test_an_event_carrying_another_program_id_is_invisible(client, world, trails):
    """Even on a record id of the reader's program, another program's event stays hidden."""
    mine, _ = trails
    record_event(
        AuditAction.UPDATE,
        acting_user=world.agent_b,
        model=mine.model,
        object_id=mine.object_id,
        program_id=world.program_b.pk,
        reason="leaked from program b",
    )
    client.force_login(world.auditor_a)
    assert "leaked from program b" not in client.get(_url(mine)).content.decode()


def test_search_form_leads_to_the_record_trail(client, world, trails):
    mine, _ = trails
    client.force_login(world.auditor_a)
    response = client.get("/audit/", {"model": mine.model, "object_id": mine.object_id})
    assert response.status_code == 302
    assert response["Location"] == _url(mine)


def test_csv_export_holds_the_trail_and_is_itself_audited(client, world, trails):
    mine, _ = trails
    client.force_login(world.auditor_a)
    response = client.get(_url(mine, "export.csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["field"], r["old"], r["new"]) for r in rows] == [("priority", "3", "1")]
    assert rows[0]["actor"] == "supervisor_a"
    assert rows[0]["request_id"] == "req-audit-0001"
    export = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert (export.model, export.object_id) == (mine.model, mine.object_id)
    assert export.program_id == world.program_a.pk
    assert export.actor_id == world.auditor_a.pk


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, world):
    event = record_event(
        AuditAction.UPDATE,
        acting_user=world.agent_a,
        instance=world.case_a,
        changes={"subject": ["a", '=HYPERLINK("http://x")']},
    )
    client.force_login(world.auditor_a)
    body = client.get(_url(event, "export.csv")).content.decode()
    assert "'=HYPERLINK" in body


def test_anonymous_readers_are_sent_to_login(client, trails):
    mine, _ = trails
    response = client.get(_url(mine))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
