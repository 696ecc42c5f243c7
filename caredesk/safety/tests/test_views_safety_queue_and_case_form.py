"""The safety specialist's queue is ordered by the nearest deadline (overdue first) and shows
the four criteria and follow-up attempts; the safety case page follows the E2B(R3) sections and
codes reactions through the terminology layer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.models import FindingKind, SafetyCase
from caredesk.safety.services.findings import confirm_finding
from caredesk.terminology.services.search import search_terms
from caredesk.testing import factories as f
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db

AE = "Caller reports dizziness and nausea after taking Relievium."
HX = {"HTTP_HX_REQUEST": "true"}


def safety_case(world, case=None, body=AE) -> SafetyCase:
    data = InteractionInput(channel="phone", direction="inbound", body=body)
    interaction = log_interaction(case or world.case_a, data, acting_user=world.agent_a)
    finding = interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)
    confirm_finding(finding, acting_user=world.agent_a)
    finding.refresh_from_db()
    return finding.safety_case


def test_the_queue_lists_overdue_cases_first_with_criteria_and_follow_ups(world, client):
    later = safety_case(world)
    other_case = f.CaseFactory(program=world.program_a, person=world.pharmacist_a)
    overdue = safety_case(world, other_case)
    SafetyCase.objects.filter(pk=overdue.pk).update(  # scoping: ok (test data)
        forward_due=timezone.now() - timedelta(hours=3)
    )
    login_with_mfa(client, world.safety_a)
    page = client.get("/safety/").content.decode()
    assert page.index(f"/safety/cases/{overdue.pk}/") < page.index(f"/safety/cases/{later.pk}/")
    assert "OVERDUE" in page
    assert "Identifiable patient" in page and "✗" in page
    assert "0 of 3 attempts" in page


def test_the_queue_shows_only_the_users_programs(world, client):
    safety_case(world)
    client.force_login(world.agent_b)
    page = client.get("/safety/").content.decode()
    assert world.case_a.reference not in page
    assert "No open safety cases" in page


def test_the_safety_case_page_has_the_e2b_sections(world, client):
    sc = safety_case(world)
    login_with_mfa(client, world.safety_a)
    page = client.get(f"/safety/cases/{sc.pk}/").content.decode()
    for section in ("Reporter", "Patient", "Reactions / events", "Products", "Narrative"):
        assert section in page
    assert "Minimum criteria" in page and "Follow-up" in page


def test_a_reaction_is_coded_with_a_term_from_the_search(world, client):
    sc = safety_case(world)
    login_with_mfa(client, world.safety_a)
    hits = client.get("/safety/terms/", {"verbatim": "dizzy"}).content.decode()
    assert "Dizziness" in hits
    term = search_terms("dizzy")[0]
    response = client.post(
        f"/safety/cases/{sc.pk}/reactions/",
        {"verbatim": "felt dizzy", "term_id": term.id, "onset": "2024-03-01", "outcome": "2"},
        **HX,
    )
    assert response.status_code == 200
    reaction = sc.reactions.get()
    assert (reaction.coded_term, reaction.coded_code) == ("dizzy", term.code)
    assert reaction.coded_version.startswith("CareDesk open terms")
    assert "Recovering" in response.content.decode()


def test_a_product_with_dose_route_and_lot_is_added_and_the_lot_resolved(world, client):
    sc = safety_case(world)
    login_with_mfa(client, world.safety_a)
    response = client.post(
        f"/safety/cases/{sc.pk}/drugs/",
        {
            "role": "1",
            "product": world.product_a.pk,
            "lot_number": "rlv2401a",
            "dose": "200 mg twice a day",
            "route": "048",
            "action_taken": "1",
            "causality": "possible",
        },
        **HX,
    )
    assert response.status_code == 200, response.content
    drug = sc.drugs.get()
    assert drug.lot == world.lot_a and drug.get_route_display() == "Oral"
    assert AuditEvent.objects.filter(model="safety.safetyproduct").exists()


def test_the_assessment_sets_seriousness_and_recomputes_the_reports(world, client):
    sc = safety_case(world)
    login_with_mfa(client, world.safety_a)
    response = client.post(
        f"/safety/cases/{sc.pk}/assessment/",
        {"seriousness": ["hospitalization"], "expected": "no", "narrative": "Admitted."},
        **HX,
    )
    assert response.status_code == 200
    sc.refresh_from_db()
    assert sc.serious and sc.expected is False and sc.narrative == "Admitted."


def test_invalid_input_answers_422_with_the_message(world, client):
    sc = safety_case(world)
    login_with_mfa(client, world.safety_a)
    tomorrow = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = client.post(
        f"/safety/cases/{sc.pk}/reactions/",
        {"verbatim": "rash", "onset": tomorrow, "outcome": "0"},
        **HX,
    )
    assert response.status_code == 422
    assert "future" in response.content.decode()


def test_forwarding_and_acknowledging_move_the_clocks(world, client):
    sc = safety_case(world)
    client.force_login(world.agent_a)
    assert client.post(f"/safety/cases/{sc.pk}/forward/", **HX).status_code == 200
    assert client.post(f"/safety/cases/{sc.pk}/acknowledge/", **HX).status_code == 403
    login_with_mfa(client, world.safety_a)
    assert client.post(f"/safety/cases/{sc.pk}/acknowledge/", **HX).status_code == 200
    sc.refresh_from_db()
    assert sc.forwarded_by == world.agent_a and sc.acknowledged_by == world.safety_a


def test_a_follow_up_attempt_is_documented(world, client):
    sc = safety_case(world)
    attempt = sc.follow_ups.order_by("n").first()
    login_with_mfa(client, world.safety_a)
    response = client.post(
        f"/safety/cases/{sc.pk}/follow-ups/{attempt.pk}/",
        {"outcome": "no_response", "note": "voicemail"},
        **HX,
    )
    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.sent_at is not None and attempt.agent == world.safety_a


def test_a_safety_specialist_without_the_second_factor_is_sent_to_mfa(world, client):
    sc = safety_case(world)
    client.force_login(world.safety_a)
    response = client.get(f"/safety/cases/{sc.pk}/")
    assert response.status_code == 302 and "/accounts/" in response["Location"]
