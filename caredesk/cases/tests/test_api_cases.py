"""Cases through the REST API: open, filter, change status with a reason, assign, export."""

from __future__ import annotations

import csv
import io

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.cases.models import Case, CaseStatus
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient


def _open_case(api: ApiClient, world, **extra):
    body = {"program_id": world.program_a.pk, "subject": "Dose question", **extra}
    response = api.post("/cases", body)
    assert response.status_code == 201, response.json()
    return response.json()


def test_open_a_case_with_person_product_and_lot(world):
    api = ApiClient(world.agent_a)
    case = _open_case(
        api,
        world,
        case_type="product_complaint",
        priority=2,
        person_id=world.pharmacist_a.pk,
        lot_id=world.lot_a.pk,
        topics=["packaging"],
    )
    assert case["reference"].startswith("CD-")
    assert case["status"] == "new"
    assert case["product_id"] == world.product_a.pk  # taken from the lot
    assert case["priority"] == 2
    assert api.get(f"/cases/{case['id']}").json()["subject"] == "Dose question"


def test_a_foreign_reference_in_the_body_is_a_field_error_and_writes_nothing(world):
    before = Case.objects.count()
    response = ApiClient(world.agent_a).post(
        "/cases",
        {"program_id": world.program_a.pk, "subject": "x", "person_id": world.person_b.pk},
    )
    assert response.status_code == 422
    assert "person_id" in response.json()["errors"]
    assert Case.objects.count() == before


def test_list_cases_filters_by_status_queue_and_program(world):
    queue = f.QueueFactory(program=world.program_a, code="complaints")
    api = ApiClient(world.supervisor_a)
    in_queue = _open_case(api, world, queue_id=queue.pk)
    api.patch(f"/cases/{in_queue['id']}", {"status": "escalated", "reason": "tampering"})
    by_status = api.get("/cases", status="escalated").json()
    assert [c["id"] for c in by_status["items"]] == [in_queue["id"]]
    by_queue = api.get("/cases", queue=queue.pk).json()
    assert [c["id"] for c in by_queue["items"]] == [in_queue["id"]]
    assert api.get("/cases", program=world.program_a.pk).json()["count"] == 2
    assert api.get("/cases", status="no-such-status").status_code == 422


def test_closing_needs_a_reason_and_reopening_works(world):
    api = ApiClient(world.agent_a)
    url = f"/cases/{world.case_a.pk}"
    refused = api.patch(url, {"status": "closed"})
    assert refused.status_code == 422
    assert refused.json()["errors"] == {"reason": "required"}
    closed = api.patch(url, {"status": "closed", "reason": "answered"})
    assert closed.status_code == 200
    assert closed.json()["close_reason"] == "answered"
    again = api.patch(url, {"status": "closed", "reason": "again"})
    assert again.status_code == 409
    reopened = api.patch(url, {"status": "open", "reason": "caller rang back"})
    assert reopened.json()["status"] == CaseStatus.OPEN


def test_assign_owner_and_queue(world):
    queue = f.QueueFactory(program=world.program_a)
    api = ApiClient(world.supervisor_a)
    url = f"/cases/{world.case_a.pk}/assign"
    response = api.post(url, {"owner_id": world.agent_a.pk, "queue_id": queue.pk})
    assert response.status_code == 200
    assert response.json()["owner_id"] == world.agent_a.pk
    assert response.json()["queue_id"] == queue.pk
    assert api.post(url, {"owner_id": world.agent_b.pk}).status_code == 422
    assert api.post(url, {}).status_code == 422


def test_requests_are_added_and_resolved_and_show_in_the_timeline(world):
    api = ApiClient(world.agent_a)
    base = f"/cases/{world.case_a.pk}"
    added = api.post(f"{base}/requests", {"kind": "question", "summary": "Max daily dose?"})
    assert added.status_code == 201
    request_id = added.json()["id"]
    assert api.get(f"{base}/requests").json()["count"] == 1
    resolved = api.post(f"{base}/requests/{request_id}/resolve", {"resolution": "Read label"})
    assert resolved.status_code == 200
    assert resolved.json()["resolved_at"] is not None
    assert api.post(f"{base}/requests/{request_id}/resolve", {"resolution": "x"}).status_code == (
        409
    )
    kinds = [e["kind"] for e in api.get(f"{base}/timeline").json()["items"]]
    assert kinds.count("request") == 2


def test_export_is_csv_of_the_program_and_audited(world):
    f.CaseFactory(program=world.program_a, subject='=HYPERLINK("http://evil")')
    response = ApiClient(world.auditor_a).get("/cases/export.csv", program=world.program_a.pk)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {r["reference"] for r in rows} == set(
        Case.objects.filter(program=world.program_a).values_list("reference", flat=True)
    )
    assert any(r["subject"].startswith("'=") for r in rows)  # formulas are neutralised
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).last()
    assert event is not None
    assert event.program_id == world.program_a.pk
    assert event.changes["rows"] == len(rows)


def test_export_of_another_program_is_not_found_and_not_audited(world):
    response = ApiClient(world.agent_a).get("/cases/export.csv", program=world.program_b.pk)
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()
