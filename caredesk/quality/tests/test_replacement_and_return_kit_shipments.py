"""A complaint's replacement and return-kit shipments move requested → approved → shipped →
delivered (→ returned sample received, with its condition, for a kit), each step audited, on
the complaint's own lot and program; the screen and the API drive the same steps."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.people.models import ContactKind
from caredesk.quality.models import SampleCondition, Shipment, ShipmentStatus
from caredesk.quality.services.complaints import complainant_snapshot
from caredesk.quality.services.shipments import (
    ShipmentRequest,
    ShipmentStep,
    advance_shipment,
    request_shipment,
)
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.mfa import login_with_mfa
from caredesk.testing.quality_objects import make_complaint, make_lot

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def quality(world):
    return f.member(world.program_a, Role.QUALITY_SPECIALIST, username="quality_a")


@pytest.fixture
def complaint(world):
    f.ContactPointFactory(
        person=world.pharmacist_a, kind=ContactKind.ADDRESS, value="9 Elm St, Springfield"
    )
    return make_complaint(
        interaction__case=world.case_a, **complainant_snapshot(world.pharmacist_a)
    )


def step(shipment, status, user, **extra):
    return advance_shipment(shipment, ShipmentStep(status=status, **extra), acting_user=user)


def test_a_replacement_goes_from_request_to_delivery(world, complaint, quality):
    shipment = request_shipment(
        complaint, ShipmentRequest(kind="replacement", quantity=2), acting_user=world.agent_a
    )
    assert shipment.address == "9 Elm St, Springfield"  # snapshot of the complainant's address
    assert shipment.recipient_name == "Ana Pharma" and shipment.lot == world.lot_a
    with pytest.raises(Forbidden):
        step(shipment, ShipmentStatus.APPROVED, world.agent_a)
    step(shipment, ShipmentStatus.APPROVED, quality)
    with pytest.raises(InvalidInput) as missing:
        step(shipment, ShipmentStatus.SHIPPED, quality)
    assert set(missing.value.fields) == {"carrier", "tracking_number", "replacement_lot"}
    with pytest.raises(InvalidInput, match="more information"):  # not from the complained lot
        step(
            shipment,
            "shipped",
            quality,
            carrier="UPS",
            tracking_number="1Z9",
            replacement_lot=world.lot_a,
        )
    good_lot = make_lot(product=world.product_a, number="RLV2412C")
    step(
        shipment, "shipped", quality, carrier="UPS", tracking_number="1Z9", replacement_lot=good_lot
    )
    step(shipment, ShipmentStatus.DELIVERED, quality)
    shipment.refresh_from_db()
    assert shipment.status == ShipmentStatus.DELIVERED and shipment.replacement_lot == good_lot
    with pytest.raises(Conflict, match="return kit"):
        step(shipment, ShipmentStatus.RETURN_RECEIVED, quality, sample_condition="intact")
    history = AuditEvent.objects.filter(model="quality.shipment", object_id=str(shipment.pk))
    statuses = [e.changes.get("status") for e in history.order_by("seq")]
    assert statuses == [
        None,
        ["requested", "approved"],
        ["approved", "shipped"],
        ["shipped", "delivered"],
    ]


def test_a_return_kit_brings_back_the_sample_with_its_condition(complaint, quality):
    kit = request_shipment(complaint, ShipmentRequest(kind="return_kit"), acting_user=quality)
    step(kit, "approved", quality)
    step(kit, "shipped", quality, carrier="USPS", tracking_number="9400")
    with pytest.raises(InvalidInput):
        step(kit, "return_received", quality)
    step(kit, "return_received", quality, sample_condition="tampered", sample_notes="seal cut")
    kit.refresh_from_db()
    assert kit.sample_condition == SampleCondition.TAMPERED and kit.received_by == quality
    with pytest.raises(Conflict):
        step(kit, "cancelled", quality, reason="late")


def test_cancelling_needs_a_reason_and_a_request_needs_an_address(world, quality):
    bare = make_complaint(interaction__case=world.case_a, complainant_name="")
    with pytest.raises(InvalidInput) as refused:
        request_shipment(bare, ShipmentRequest(kind="replacement"), acting_user=quality)
    assert set(refused.value.fields) == {"recipient_name", "address"}
    shipment = request_shipment(
        bare,
        ShipmentRequest(kind="replacement", recipient_name="Ana", address="1 Main St"),
        acting_user=quality,
    )
    with pytest.raises(InvalidInput):
        step(shipment, "cancelled", quality)
    step(shipment, "cancelled", quality, reason="caller declined")
    assert Shipment.objects.get(pk=shipment.pk).cancel_reason == "caller declined"


def test_the_api_drives_shipments_within_the_program(world, complaint, quality):
    api = ApiClient(quality)
    created = api.post(f"/complaints/{complaint.pk}/shipments", {"kind": "return_kit"})
    assert created.status_code == 201, created.content
    sid = created.json()["id"]
    assert created.json()["lot_id"] == world.lot_a.pk
    assert api.post(f"/shipments/{sid}/status", {"status": "shipped"}).status_code == 409
    assert api.post(f"/shipments/{sid}/status", {"status": "approved"}).status_code == 200
    foreign = make_lot(product=world.product_b)
    body = {
        "status": "shipped",
        "carrier": "UPS",
        "tracking_number": "1Z",
        "replacement_lot_id": foreign.pk,
    }
    assert api.post(f"/shipments/{sid}/status", body).status_code == 422
    del body["replacement_lot_id"]
    assert api.post(f"/shipments/{sid}/status", body).json()["tracking_number"] == "1Z"
    received = api.post(
        f"/shipments/{sid}/status", {"status": "return_received", "sample_condition": "intact"}
    )
    assert received.json()["status"] == "return_received"
    listed = api.get(f"/complaints/{complaint.pk}/shipments").json()["items"]
    assert [s["id"] for s in listed] == [sid]
    assert ApiClient(world.agent_b).get(f"/shipments/{sid}").status_code == 404


def test_the_complaint_screen_requests_and_advances_a_shipment_with_htmx(
    world, complaint, quality, client
):
    login_with_mfa(client, quality)
    url = f"/quality/complaints/{complaint.pk}/shipments/"
    refused = client.post(url, {"kind": "nonsense", "quantity": 1}, **HX)
    assert refused.status_code == 422
    done = client.post(url, {"kind": "return_kit", "quantity": 1}, **HX)
    assert done.status_code == 200
    shipment = Shipment.objects.get(complaint=complaint)
    page = done.content.decode()
    assert 'id="complaint-file"' in page and f'id="shipment-{shipment.pk}"' in page
    assert "9 Elm St" in page and "Approve" in page
    step_url = f"/quality/shipments/{shipment.pk}/"
    assert client.post(step_url, {"status": "approved"}, **HX).status_code == 200
    bad = client.post(step_url, {"status": "shipped"}, **HX)
    assert bad.status_code == 422 and "carrier" in bad.content.decode()
    shipped = {"status": "shipped", "carrier": "UPS", "tracking_number": "1Z42"}
    assert client.post(step_url, shipped).status_code == 302  # without htmx: back to the file
    shipment.refresh_from_db()
    assert shipment.status == ShipmentStatus.SHIPPED and shipment.tracking_number == "1Z42"
