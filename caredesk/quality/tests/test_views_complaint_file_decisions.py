"""On the complaint screen the quality specialist edits the record and takes each decision with
htmx (the refreshed file comes back, 422 with the reason when refused); closing an incomplete
file lists what is missing; other roles see the file without the forms and are refused."""

from __future__ import annotations

import pytest

from caredesk.quality.models import ComplaintStatus, Reportability
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.mfa import login_with_mfa
from caredesk.testing.quality_objects import make_complaint, make_lot

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def quality(world):
    return f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")


@pytest.fixture
def complaint(world):
    return make_complaint(interaction__case=world.case_a)


def url(complaint, action=""):
    return f"/quality/complaints/{complaint.pk}/{action}"


def test_the_quality_specialist_completes_and_closes_the_file_on_screen(
    world, complaint, quality, client
):
    login_with_mfa(client, quality)
    page = client.get(url(complaint)).content.decode()
    assert "Before closing" in page and "record the reportability decision" in page
    refused = client.post(url(complaint, "close/"), {}, **HX)
    assert refused.status_code == 422
    body = refused.content.decode()
    assert body.lstrip().startswith('<div id="complaint-file">')
    assert "The complaint file is not complete" in body
    steps = [
        ("reportability/", {"reportable": "no", "justification": "cosmetic, no injury"}),
        ("investigation-decision/", {"investigate": "no", "justification": "covered by #118"}),
        ("reply/", {"text": "Apologised; replacement offered."}),
    ]
    for action, data in steps:
        response = client.post(url(complaint, action), data, **HX)
        assert response.status_code == 200, (action, response.content)
    done = client.post(url(complaint, "close/"), {"note": "complete"}, **HX)
    assert done.status_code == 200
    assert "Closed" in done.content.decode()
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.CLOSED
    assert complaint.reportability == Reportability.NOT_REPORTABLE
    assert complaint.investigation_decided_by == quality
    assert complaint.replied_by == quality


def test_the_record_form_edits_every_field_and_shows_field_errors(
    world, complaint, quality, client
):
    login_with_mfa(client, quality)
    data = {
        "product": world.product_a.pk,
        "lot": world.lot_a.pk,
        "udi": "SN-42",
        "complainant_name": "Ana Pharma",
        "complainant_address": "1 Main St",
        "complainant_phone": "+12025550143",
        "nature": "Cap cracked.",
        "categories": "packaging, dosage_form_defect",
        "quantity_affected": "2",
        "failed_specifications": "false",
        "in_use_for_treatment": "unknown",
        "relationship_to_event": "",
    }
    assert client.post(url(complaint, "edit/"), data).status_code == 302
    complaint.refresh_from_db()
    assert complaint.udi == "SN-42" and complaint.quantity_affected == 2
    assert complaint.categories == ["packaging", "dosage_form_defect"]
    assert complaint.failed_specifications is False and complaint.in_use_for_treatment is None
    foreign_lot = make_lot(product=world.product_b)
    bad = client.post(url(complaint, "edit/"), {**data, "lot": foreign_lot.pk, "nature": ""}, **HX)
    assert bad.status_code == 422
    assert "Select a valid choice" in bad.content.decode()  # another program's lot
    complaint.refresh_from_db()
    assert complaint.lot == world.lot_a and complaint.nature == "Cap cracked."


def test_an_agent_sees_the_file_without_the_forms_and_is_refused(world, complaint, client):
    client.force_login(world.agent_a)
    page = client.get(url(complaint)).content.decode()
    assert "Record decision" not in page and "Close the complaint" not in page
    assert "Request a replacement or a return kit" in page  # an agent may ask for one
    data = {"reportable": "no", "justification": "x"}
    assert client.post(url(complaint, "reportability/"), data, **HX).status_code == 403
