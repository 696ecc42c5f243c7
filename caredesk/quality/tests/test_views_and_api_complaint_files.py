"""Quality specialists see the complaint files of their programs (page and API) and record the
reportability decision with its justification."""

from __future__ import annotations

import pytest

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.quality.models import Complaint, Reportability
from caredesk.safety.models import FindingKind
from caredesk.safety.services.findings import confirm_finding
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db


def complaint(world) -> Complaint:
    data = InteractionInput(
        channel="email", direction="inbound", body="The bottle cap was cracked when it arrived."
    )
    interaction = log_interaction(world.case_a, data, acting_user=world.agent_a)
    finding = interaction.findings.get(kind=FindingKind.PRODUCT_COMPLAINT)
    confirm_finding(finding, acting_user=world.agent_a)
    return Complaint.objects.get(case=world.case_a)  # scoping: ok (test)


def test_the_complaint_list_and_file_show_the_programs_complaints(world, client):
    c = complaint(world)
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")
    login_with_mfa(client, quality)
    assert f"/quality/complaints/{c.pk}/" in client.get("/quality/").content.decode()
    page = client.get(f"/quality/complaints/{c.pk}/").content.decode()
    assert "Reportability decision" in page and world.case_a.reference in page
    assert 'id="complaint-reports"' in page  # the reports it requires, and why each date
    refused = client.post(f"/quality/complaints/{c.pk}/reportability/", {"reportable": "no"})
    assert refused.status_code == 422
    done = client.post(
        f"/quality/complaints/{c.pk}/reportability/",
        {"reportable": "no", "justification": "cosmetic, no injury possible"},
    )
    assert done.status_code == 302
    c.refresh_from_db()
    assert c.reportability == Reportability.NOT_REPORTABLE
    assert c.reportability_decided_by == quality


def test_the_api_lists_complaints_of_the_callers_programs_only(world):
    c = complaint(world)
    items = ApiClient(world.agent_a).get("/api/v1/complaints").json()["items"]
    assert [i["id"] for i in items] == [c.pk]
    assert ApiClient(world.agent_b).get("/api/v1/complaints").json()["count"] == 0
    assert ApiClient(world.agent_b).get(f"/api/v1/complaints/{c.pk}").status_code == 404
