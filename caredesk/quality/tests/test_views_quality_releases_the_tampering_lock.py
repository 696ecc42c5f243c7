"""The tampering alert's page shows the lock; only a quality specialist of the program releases
it there, with a reason; the complaint file links to the alert. Through the API the same."""

from __future__ import annotations

import pytest

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.quality.models import Complaint, TamperingAlert
from caredesk.safety.services.findings import confirm_finding
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db

TAMPERED = "The seal of my Relievium bottle was broken; I think someone tampered with it."


@pytest.fixture
def alert(world):
    data = InteractionInput(channel="phone", direction="inbound", body=TAMPERED)
    interaction = log_interaction(world.case_a, data, acting_user=world.agent_a)
    for finding in interaction.findings.all():
        confirm_finding(finding, acting_user=world.agent_a)
    return TamperingAlert.objects.get(case=world.case_a)  # scoping: ok (test)


def test_quality_releases_the_lock_on_the_alert_page(world, alert, client):
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")
    client.force_login(world.agent_a)
    page = client.get(f"/quality/alerts/{alert.pk}/").content.decode()
    assert "case locked to escalation" in page and "Release the lock" not in page
    refused = client.post(f"/quality/alerts/{alert.pk}/release/", {"reason": "looks fine"})
    assert refused.status_code == 422 and "quality specialist" in refused.content.decode()
    login_with_mfa(client, quality)
    complaint = Complaint.objects.get(case=world.case_a)  # scoping: ok (test)
    file = client.get(f"/quality/complaints/{complaint.pk}/").content.decode()
    assert f"/quality/alerts/{alert.pk}/" in file
    assert client.post(f"/quality/alerts/{alert.pk}/release/", {"reason": ""}).status_code == 422
    done = client.post(f"/quality/alerts/{alert.pk}/release/", {"reason": "seal intact on photo"})
    assert done.status_code == 302
    alert.refresh_from_db()
    assert alert.released_by == quality and alert.release_reason == "seal intact on photo"
    assert "seal intact on photo" in client.get(f"/quality/alerts/{alert.pk}/").content.decode()


def test_the_api_releases_the_lock_for_quality_only(world, alert):
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST)
    url = f"/tampering-alerts/{alert.pk}/release"
    assert ApiClient(world.agent_a).post(url, {"reason": "fine"}).status_code == 409
    assert ApiClient(world.auditor_a).post(url, {"reason": "fine"}).status_code == 403
    assert ApiClient(world.agent_b).post(url, {"reason": "fine"}).status_code == 404
    released = ApiClient(quality).post(url, {"reason": "seal intact"})
    assert released.status_code == 200 and released.json()["release_reason"] == "seal intact"
    listed = ApiClient(world.agent_a).get("/tampering-alerts").json()
    assert [a["id"] for a in listed["items"]] == [alert.pk]
    assert ApiClient(world.agent_b).get("/tampering-alerts").json()["count"] == 0
