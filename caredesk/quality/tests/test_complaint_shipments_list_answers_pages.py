"""`GET /complaints/{id}/shipments` answers the page envelope, oldest first, with the
complaint's shipments only."""

from __future__ import annotations

import pytest
from django.utils import timezone

from caredesk.quality.models import Complaint, Shipment, ShipmentKind
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages
from caredesk.testing.quality_objects import make_complaint

pytestmark = pytest.mark.django_db


def shipment(complaint: Complaint) -> Shipment:
    return Shipment.objects.create(  # scoping: ok (test data)
        program_id=complaint.program_id,
        complaint=complaint,
        kind=ShipmentKind.REPLACEMENT,
        recipient_name="Ana Pharma",
        address="9 Elm St",
        requested_at=timezone.now(),
    )


def test_shipments_page_oldest_first(world):
    ours = make_complaint(interaction__case=world.case_a)
    theirs = make_complaint(interaction__case=world.case_b)
    requested = [shipment(ours).pk for _ in range(3)]
    shipment(theirs)
    path = f"/complaints/{ours.pk}/shipments"
    assert_pages(ApiClient(world.agent_a), path, requested)
    assert ApiClient(world.agent_b).get(path).status_code == 404
