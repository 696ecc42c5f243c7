"""A lot's page and API list its complaints with counts by category, so quality sees a lot-level
pattern; another program's lot is not found."""

from __future__ import annotations

import pytest

from caredesk.quality.models import Complaint, Shipment
from caredesk.testing.api import ApiClient
from caredesk.testing.quality_objects import make_complaint, make_lot

pytestmark = pytest.mark.django_db


@pytest.fixture
def lot_pattern(world):
    for categories in (["packaging"], ["packaging", "foreign_matter"], ["packaging"]):
        make_complaint(interaction__case=world.case_a, categories=categories)
    tampered = make_complaint(
        interaction__case=world.case_a, categories=["tampering"], tampering=True
    )
    Shipment.objects.create(  # scoping: ok (test data)
        program=world.program_a,
        complaint=tampered,
        kind="return_kit",
        recipient_name="Ana",
        address="1 Main St",
        requested_at=tampered.created_at,
        return_received_at=tampered.created_at,
        sample_condition="tampered",
    )
    other_lot = make_lot(product=world.product_a, number="RLV2409Z")
    make_complaint(interaction__case=world.case_a, lot=other_lot, categories=["labeling"])
    return world.lot_a


def test_the_lot_api_counts_complaints_by_category(world, lot_pattern):
    out = ApiClient(world.agent_a).get(f"/lots/{lot_pattern.pk}/complaints").json()
    assert out["lot_number"] == "RLV2401A" and out["count"] == 4
    assert out["by_category"] == [
        {"category": "packaging", "count": 3},
        {"category": "foreign_matter", "count": 1},
        {"category": "tampering", "count": 1},
    ]
    assert out["tampering"] == 1 and out["open"] == 4 and out["samples_returned"] == 1
    assert out["by_status"]["open"] == 4
    assert len(out["complaints"]) == 4
    filtered = ApiClient(world.agent_a).get("/complaints", lot=lot_pattern.pk).json()
    assert filtered["count"] == 4


def test_the_lot_page_shows_the_pattern_and_the_complaint_links_to_it(world, lot_pattern, client):
    client.force_login(world.agent_a)
    page = client.get(f"/quality/lots/{lot_pattern.pk}/").content.decode()
    assert "Lot RLV2401A" in page
    assert '<dd id="lot-complaint-count">4</dd>' in page
    assert "<td><code>packaging</code></td><td>3</td>" in page
    complaint = Complaint.objects.visible_to(world.agent_a).filter(lot=lot_pattern).earliest("pk")
    detail = client.get(f"/quality/complaints/{complaint.pk}/").content.decode()
    assert f"/quality/lots/{lot_pattern.pk}/" in detail


def test_another_programs_lot_is_not_found(world, lot_pattern, client):
    assert ApiClient(world.agent_b).get(f"/lots/{lot_pattern.pk}/complaints").status_code == 404
    client.force_login(world.agent_b)
    assert client.get(f"/quality/lots/{lot_pattern.pk}/").status_code == 404
