"""The case page shows a findings panel on each interaction: the screener's flags with their
evidence highlighted, confirm / dismiss (a reason is required) / add a missed finding, "no AE /
no complaint" where nothing was flagged, and the tampering lock banner."""

from __future__ import annotations

import pytest

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.safety.models import FindingKind, FindingStatus, SafetyCase

pytestmark = pytest.mark.django_db

AE = "Caller reports dizziness and nausea after taking Relievium."
HX = {"HTTP_HX_REQUEST": "true"}


def log(world, body):
    data = InteractionInput(channel="phone", direction="inbound", body=body)
    return log_interaction(world.case_a, data, acting_user=world.agent_a)


def test_the_case_page_shows_each_flag_with_its_evidence_highlighted(world, client):
    interaction = log(world, AE)
    client.force_login(world.agent_a)
    page = client.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert f'id="safety-panel-{interaction.pk}"' in page
    assert "<mark" in page and "dizziness</mark>" in page
    finding = interaction.findings.get(kind=FindingKind.ADVERSE_EVENT)
    assert f"/safety/findings/{finding.pk}/dismiss/" in page
    assert "decision needed" in page


def test_confirming_answers_the_refreshed_panel_with_a_link_to_the_safety_case(world, client):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    client.force_login(world.agent_a)
    response = client.post(f"/safety/findings/{finding.pk}/confirm/", **HX)
    assert response.status_code == 200
    finding.refresh_from_db()
    assert finding.status == FindingStatus.CONFIRMED
    body = response.content.decode()
    assert f"/safety/cases/{finding.safety_case_id}/" in body
    assert 'id="tampering-lock" hx-swap-oob="true"' in body


def test_a_dismissal_without_a_reason_is_refused_in_the_panel(world, client):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    client.force_login(world.agent_a)
    response = client.post(f"/safety/findings/{finding.pk}/dismiss/", {"reason": " "}, **HX)
    assert response.status_code == 422
    assert "reason is required" in response.content.decode()
    response = client.post(
        f"/safety/findings/{finding.pk}/dismiss/", {"reason": "film plot, not a person"}, **HX
    )
    assert response.status_code == 200
    finding.refresh_from_db()
    assert finding.status == FindingStatus.DISMISSED
    assert "film plot, not a person" in response.content.decode()


def test_without_htmx_an_action_redirects_back_to_the_case(world, client):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    client.force_login(world.agent_a)
    response = client.post(f"/safety/findings/{finding.pk}/confirm/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/cases/{world.case_a.pk}/")


def test_an_unflagged_interaction_is_marked_no_ae_no_complaint(world, client):
    interaction = log(world, "Caller asked where to buy the 50-count bottle.")
    assert not interaction.findings.exists()
    client.force_login(world.agent_a)
    page = client.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert f"/safety/interactions/{interaction.pk}/clear/" in page
    response = client.post(
        f"/safety/interactions/{interaction.pk}/clear/", {"note": "store locator"}, **HX
    )
    assert response.status_code == 200
    assert "no AE / no complaint" in response.content.decode()
    interaction.screening.refresh_from_db()
    assert interaction.screening.cleared_by == world.agent_a


def test_a_missed_finding_is_added_and_opens_a_safety_case(world, client):
    interaction = log(world, "Caller said the thing happened again after the new box.")
    client.force_login(world.agent_a)
    url = f"/safety/interactions/{interaction.pk}/findings/"
    refused = client.post(url, {"kind": "adverse_event", "code": "adverse_event"}, **HX)
    assert refused.status_code == 422
    response = client.post(
        url,
        {"kind": "adverse_event", "code": "adverse_event", "note": "rash came back"},
        **HX,
    )
    assert response.status_code == 200
    assert SafetyCase.objects.filter(case=world.case_a).exists()


def test_a_tampering_flag_shows_the_lock_banner(world, client):
    log(world, "The safety seal was broken and the pills look different, someone opened it.")
    client.force_login(world.agent_a)
    page = client.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert "Locked to escalation" in page


def test_another_programs_finding_is_not_found(world, client):
    finding = log(world, AE).findings.get(kind=FindingKind.ADVERSE_EVENT)
    client.force_login(world.agent_b)
    assert client.post(f"/safety/findings/{finding.pk}/confirm/", **HX).status_code == 404
