"""The safety API: findings per case (list, confirm, dismiss with a reason, add, "no AE / no
complaint"), the safety-case queue ordered by deadline, one case with its E2B sections, and
term search; all scoped to the caller's programs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.models import FindingKind, SafetyCase
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db

AE = "Caller reports dizziness and nausea after taking Relievium."


def log(world, body, case=None):
    data = InteractionInput(channel="phone", direction="inbound", body=body)
    return log_interaction(case or world.case_a, data, acting_user=world.agent_a)


def test_findings_of_a_case_are_listed_with_their_evidence(world):
    interaction = log(world, AE)
    response = ApiClient(world.agent_a).get(f"/api/v1/cases/{world.case_a.pk}/findings")
    assert response.status_code == 200
    items = response.json()["items"]
    assert {i["kind"] for i in items} >= {"adverse_event"}
    ae = next(i for i in items if i["kind"] == "adverse_event")
    assert ae["interaction_id"] == interaction.pk and ae["status"] == "flagged"
    assert any(e["text"] == "dizziness" for e in ae["evidence"])


def test_confirm_opens_a_safety_case_and_dismiss_needs_a_reason(world):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    client = ApiClient(world.agent_a)
    refused = client.post(f"/api/v1/findings/{finding.pk}/dismiss", {"reason": ""})
    assert refused.status_code == 422 and "reason" in refused.json()["errors"]
    confirmed = client.post(f"/api/v1/findings/{finding.pk}/confirm", {})
    assert confirmed.status_code == 200 and confirmed.json()["safety_case_id"]
    again = client.post(f"/api/v1/findings/{finding.pk}/dismiss", {"reason": "late"})
    assert again.status_code == 409


def test_a_missed_finding_is_added_and_a_quiet_contact_cleared(world):
    client = ApiClient(world.agent_a)
    missed = log(world, "Caller said the thing happened again after the new box.")
    response = client.post(
        f"/api/v1/interactions/{missed.pk}/findings",
        {"kind": "adverse_event", "code": "adverse_event", "note": "rash came back"},
    )
    assert response.status_code == 201 and response.json()["status"] == "confirmed"
    quiet = log(world, "Caller asked where to buy the 50-count bottle.")
    cleared = client.post(f"/api/v1/interactions/{quiet.pk}/no-safety-content", {"note": "ok"})
    assert cleared.status_code == 200 and cleared.json()["cleared_by_id"] == world.agent_a.pk


def confirmed_case(world, case=None) -> SafetyCase:
    finding = log(world, AE, case).findings.get(kind=FindingKind.ADVERSE_EVENT)
    ApiClient(world.agent_a).post(f"/api/v1/findings/{finding.pk}/confirm", {})
    finding.refresh_from_db()
    return finding.safety_case


def test_safety_cases_are_listed_nearest_deadline_first(world):
    later = confirmed_case(world)
    overdue = confirmed_case(world, f.CaseFactory(program=world.program_a))
    SafetyCase.objects.filter(pk=overdue.pk).update(  # scoping: ok (test data)
        forward_due=timezone.now() - timedelta(hours=1)
    )
    page = ApiClient(world.safety_a).get("/api/v1/safety-cases").json()
    assert [i["id"] for i in page["items"]] == [overdue.pk, later.pk]
    first = page["items"][0]
    assert first["due_state"] == "overdue" and first["next_due_kind"] == "forward to PV"
    assert set(first["criteria"]) == {"patient", "reporter", "product", "event"}
    assert len(first["follow_ups"]) >= 3 or not first["missing_criteria"]
    other = ApiClient(world.agent_b).get("/api/v1/safety-cases").json()
    assert other["count"] == 0


def test_one_safety_case_carries_its_e2b_sections(world):
    sc = confirmed_case(world)
    response = ApiClient(world.safety_a).get(f"/api/v1/safety-cases/{sc.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["case_reference"] == world.case_a.reference
    assert body["reactions"] == [] and body["drugs"] == []
    assert ApiClient(world.agent_b).get(f"/api/v1/safety-cases/{sc.pk}").status_code == 404


def test_terms_are_searched_in_the_coding_release(world):
    hits = ApiClient(world.agent_a).get("/api/v1/terminology/terms", q="hives").json()["items"]
    assert hits[0]["pt_term"] == "Urticaria" and hits[0]["code"].startswith("OPEN:")
