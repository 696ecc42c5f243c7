"""A complaint file holds what 21 CFR 820.198 / ISO 13485 8.2.2 require, is kept by the program's
quality specialist (API and services), audits each change field by field, and closes only once
it holds the reportability decision, the investigation or the reason for none, and the reply."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.quality.models import ComplaintStatus, InvestigationDecision
from caredesk.quality.services import complaint_file as cf
from caredesk.quality.services.complaints import update_complaint
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.quality_objects import make_complaint, make_lot

pytestmark = pytest.mark.django_db


@pytest.fixture
def quality(world):
    return f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")


@pytest.fixture
def complaint(world):
    return make_complaint(interaction__case=world.case_a)


def events(complaint):
    return AuditEvent.objects.filter(model="quality.complaint", object_id=str(complaint.pk))


def test_closing_an_empty_file_names_every_missing_item_and_writes_nothing(complaint, quality):
    with pytest.raises(InvalidInput) as refused:
        cf.close_complaint(complaint, acting_user=quality)
    assert set(refused.value.fields) == {
        "reportability",
        "investigation_decision",
        "reply_to_complainant",
    }
    assert "reportability decision" in refused.value.message
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.OPEN and complaint.closed_at is None


def test_no_investigation_needs_a_reason_and_records_who_decided(complaint, quality):
    with pytest.raises(InvalidInput):
        cf.decide_investigation(complaint, investigate=False, justification="", acting_user=quality)
    cf.decide_investigation(
        complaint,
        investigate=False,
        justification="Same lot and defect investigated under complaint 118 (CAPA-22)",
        acting_user=quality,
    )
    complaint.refresh_from_db()
    assert complaint.investigation_decision == InvestigationDecision.NOT_NEEDED
    assert complaint.investigation_decided_by == quality
    assert complaint.investigation_decided_at is not None


def test_a_complete_file_closes_and_then_refuses_changes_until_reopened(complaint, quality):
    cf.decide_reportability(
        complaint, reportable=False, justification="no injury possible", acting_user=quality
    )
    cf.decide_investigation(complaint, investigate=True, justification="", acting_user=quality)
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.INVESTIGATING
    with pytest.raises(InvalidInput) as refused:
        cf.close_complaint(complaint, acting_user=quality)
    assert set(refused.value.fields) == {"investigation", "reply_to_complainant"}
    cf.record_investigation(
        complaint,
        results="Retained samples of the lot: caps within spec; transit damage.",
        root_cause="Carton drop in transit",
        corrective_action="CAPA-31 (carton insert)",
        acting_user=quality,
    )
    with pytest.raises(InvalidInput):  # a reply dated before the complaint arrived
        cf.record_reply(
            complaint,
            text="Replacement sent.",
            replied_at=complaint.received_at - timedelta(days=1),
            acting_user=quality,
        )
    cf.record_reply(complaint, text="Apologised, replacement sent.", acting_user=quality)
    cf.close_complaint(complaint, acting_user=quality, note="complete")
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.CLOSED and complaint.closed_by == quality
    assert complaint.investigated_on == timezone.localdate()
    with pytest.raises(Conflict, match="closed"):
        update_complaint(complaint, {"udi": "X"}, acting_user=quality)
    with pytest.raises(InvalidInput):
        cf.reopen_complaint(complaint, reason=" ", acting_user=quality)
    cf.reopen_complaint(complaint, reason="second report on the lot", acting_user=quality)
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.INVESTIGATING and complaint.closed_at is None
    reasons = set(events(complaint).values_list("reason", flat=True))
    assert {"no injury possible", "complete", "second report on the lot"} <= reasons


def test_a_reportable_device_complaint_needs_the_820_198_d_answers(world, quality):
    device = f.ProductFactory(program=world.program_a, name="Relievium Pen", product_type="device")
    complaint = make_complaint(interaction__case=world.case_a, product=device, lot=None)
    cf.decide_reportability(
        complaint, reportable=True, justification="malfunction, MDR 30-day", acting_user=quality
    )
    cf.decide_investigation(
        complaint, investigate=False, justification="see 12", acting_user=quality
    )
    cf.record_reply(complaint, text="We are looking into it.", acting_user=quality)
    with pytest.raises(InvalidInput) as refused:
        cf.close_complaint(complaint, acting_user=quality)
    assert set(refused.value.fields) == {
        "failed_specifications",
        "in_use_for_treatment",
        "relationship_to_event",
    }
    update_complaint(
        complaint,
        {
            "failed_specifications": True,
            "in_use_for_treatment": True,
            "relationship_to_event": "pen jammed, dose missed",
        },
        acting_user=quality,
    )
    cf.close_complaint(complaint, acting_user=quality)


def test_only_the_quality_specialist_keeps_the_file(world, complaint, quality):
    for outsider in (world.agent_a, world.supervisor_a, world.admin_a, world.auditor_a):
        with pytest.raises(Forbidden):
            update_complaint(complaint, {"udi": "X"}, acting_user=outsider)
        with pytest.raises(Forbidden):
            cf.record_reply(complaint, text="hi", acting_user=outsider)


def test_every_record_field_is_editable_through_the_api_and_audited(world, complaint, quality):
    lot = make_lot(product=world.product_a, number="RLV2409Z")
    body = {
        "product_id": world.product_a.pk,
        "lot_id": lot.pk,
        "udi": "(01)00312345678906(21)SN42",
        "complainant_name": "Ana Pharma",
        "complainant_address": "1 Main St, Springfield",
        "complainant_phone": "+12025550143",
        "nature": "Cap cracked; three tablets broken.",
        "categories": ["packaging", "dosage_form_defect"],
        "quantity_affected": 3,
        "failed_specifications": False,
        "in_use_for_treatment": True,
        "relationship_to_event": "none",
    }
    url = f"/complaints/{complaint.pk}"
    assert ApiClient(world.agent_a).patch(url, body).status_code == 403
    assert ApiClient(world.auditor_a).patch(url, body).status_code == 403
    assert ApiClient(world.agent_b).patch(url, body).status_code == 404
    response = ApiClient(quality).patch(url, body)
    assert response.status_code == 200, response.content
    out = response.json()
    for key, value in body.items():
        assert out[key] == value, key
    change = events(complaint).filter(action="update").latest("seq")
    assert change.changes["udi"] == ["", body["udi"]]
    assert change.actor_id == quality.pk


def test_a_foreign_lot_in_the_body_is_a_field_error(world, complaint, quality):
    foreign = make_lot(product=world.product_b)
    response = ApiClient(quality).patch(f"/complaints/{complaint.pk}", {"lot_id": foreign.pk})
    assert response.status_code == 422
    assert "lot_id" in response.json()["errors"]


def test_null_clears_a_text_field_but_a_complaint_keeps_its_nature_and_a_category(
    complaint, quality
):
    api = ApiClient(quality)
    url = f"/complaints/{complaint.pk}"
    refused = api.patch(url, {"categories": None, "nature": None})
    assert refused.status_code == 422
    assert set(refused.json()["errors"]) == {"categories", "nature"}
    cleared = api.patch(url, {"complainant_address": None, "quantity_affected": None})
    assert cleared.status_code == 200 and cleared.json()["complainant_address"] == ""


def test_the_api_walks_the_file_to_closure(world, complaint, quality):
    api = ApiClient(quality)
    url = f"/complaints/{complaint.pk}"
    refused = api.post(f"{url}/close", {})
    assert refused.status_code == 422
    assert set(refused.json()["errors"]) >= {"reportability", "reply_to_complainant"}
    decided = api.post(f"{url}/reportability", {"reportable": False, "justification": "cosmetic"})
    assert decided.status_code == 200
    decision = {"investigate": True}
    assert api.post(f"{url}/investigation-decision", decision).status_code == 200
    results = {"results": "Transit damage", "corrective_action": "CAPA-31"}
    assert api.post(f"{url}/investigation", results).status_code == 200
    assert api.post(f"{url}/reply", {"text": "Replacement on its way."}).status_code == 200
    closed = api.post(f"{url}/close", {"note": "done"})
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    assert closed.json()["reportability_decided_by_id"] == quality.pk
    assert api.post(f"{url}/reply", {"text": "again"}).status_code == 409
    assert api.post(f"{url}/reopen", {"reason": "new sample arrived"}).json()["status"] == (
        "investigating"
    )
