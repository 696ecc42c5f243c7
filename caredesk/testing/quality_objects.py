"""Quality records of one program for the route-walking tests: a shipment of a complaint, a
tampering alert (with its finding) and an in-app notification, keyed by the path parameter
names of the quality routes (created directly, without the services, so each side is
independent of the screener and of the other program)."""

from __future__ import annotations

from typing import Any, cast

from django.utils import timezone

from caredesk.cases.models import Case, Interaction
from caredesk.quality.models import (
    Complaint,
    Notification,
    Shipment,
    ShipmentKind,
    TamperingAlert,
)
from caredesk.safety.models import Finding, FindingKind, FindingSource
from caredesk.tenancy.models import Lot, Role
from caredesk.testing import factories as f


def _alert(case: Case, interaction: Interaction) -> TamperingAlert:
    """A tampering finding and the alert it raised (the case is locked to escalation)."""
    now = timezone.now()
    finding = Finding.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        kind=FindingKind.TAMPERING,
        code="tampering",
        source=FindingSource.SCREENER,
        created_at=now,
    )
    return TamperingAlert.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        finding=finding,
        raised_at=now,
    )


def quality_side(case: Case, interaction: Interaction) -> dict[str, int]:
    now = timezone.now()
    complaint = Complaint.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        received_at=now,
        nature="seal was broken",
        categories=["tampering"],
        tampering=True,
        created_at=now,
    )
    shipment = Shipment.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        complaint=complaint,
        kind=ShipmentKind.RETURN_KIT,
        recipient_name="Recipient",
        address="1 Main St",
        requested_at=now,
    )
    alert = _alert(case, interaction)
    quality = f.member(case.program, Role.QUALITY_SPECIALIST)
    notice = Notification.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        user=quality,
        case=case,
        alert=alert,
        text="alert",
        created_at=now,
    )
    ids: dict[str, Any] = {
        "shipment_id": shipment.pk,
        "alert_id": alert.pk,
        "notification_id": notice.pk,
    }
    return ids


def make_complaint(**fields: Any) -> Complaint:
    """`ComplaintFactory(**fields)`, typed (factory_boy's calls are untyped for mypy)."""
    return cast(Complaint, f.ComplaintFactory(**fields))


def make_lot(**fields: Any) -> Lot:
    """`LotFactory(**fields)`, typed."""
    return cast(Lot, f.LotFactory(**fields))
