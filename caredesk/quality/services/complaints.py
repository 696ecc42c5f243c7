"""Opening complaints from confirmed findings, and recording the complaint file's decisions."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.errors import InvalidInput, NotFound
from caredesk.quality.models import Complaint, ComplaintStatus, Reportability
from caredesk.tenancy.models import Lot, Product
from caredesk.tenancy.services import check_can_write

COMPLAINT_FIELDS = ["case", "interaction", "product", "lot", "categories", "tampering", "nature"]


def access_complaint(user: Any, complaint_id: int) -> Complaint:
    complaint = Complaint.objects.visible_to(user).filter(pk=complaint_id).first()
    if complaint is None:
        raise NotFound("Complaint not found")
    return complaint


def open_complaint_for_finding(
    finding: Any, *, product: Product | None, lot: Lot | None, acting_user: Any
) -> Complaint:
    """One complaint per interaction of a case: a second confirmed category joins it."""
    tampering = finding.kind == "tampering"
    code = finding.code
    existing = (
        Complaint.objects.filter(case_id=finding.case_id, interaction_id=finding.interaction_id)
        .exclude(status=ComplaintStatus.CLOSED)
        .first()
    )
    if existing is not None:
        return _add_to_complaint(existing, code, tampering, acting_user)
    nature = "; ".join(e.get("text", "") for e in finding.evidence if e.get("text"))
    with transaction.atomic():
        complaint = Complaint.objects.create(
            program_id=finding.program_id,
            case_id=finding.case_id,
            interaction_id=finding.interaction_id,
            received_at=finding.interaction.received_at,
            complainant_id=finding.interaction.person_id,
            product=product,
            lot=lot,
            categories=[code],
            tampering=tampering,
            nature=nature or finding.note or code,
            created_by=acting_user if getattr(acting_user, "pk", None) else None,
            created_at=timezone.now(),
        )
        record_created(complaint, acting_user=acting_user, fields=COMPLAINT_FIELDS)
    return complaint


def _add_to_complaint(
    complaint: Complaint, code: str, tampering: bool, acting_user: Any
) -> Complaint:
    before = snapshot(complaint, ["categories", "tampering"])
    if code not in complaint.categories:
        complaint.categories = [*complaint.categories, code]
    complaint.tampering = complaint.tampering or tampering
    changes = diff(before, snapshot(complaint, ["categories", "tampering"]))
    if changes:
        complaint.save(update_fields=["categories", "tampering"])
        record_event(
            AuditAction.UPDATE, acting_user=acting_user, instance=complaint, changes=changes
        )
    return complaint


def decide_reportability(
    complaint: Complaint, *, reportable: bool, justification: str, acting_user: Any
) -> Complaint:
    """820.198(a)(3): whether the complaint is reportable, who decided, and why."""
    check_can_write(acting_user, complaint.program_id)
    if not justification.strip():
        raise InvalidInput("A justification is required", {"justification": "required"})
    before = snapshot(complaint, ["reportability", "investigation"])
    with transaction.atomic():
        complaint.reportability = (
            Reportability.REPORTABLE if reportable else Reportability.NOT_REPORTABLE
        )
        complaint.reportability_decided_by = acting_user
        complaint.reportability_decided_at = timezone.now()
        complaint.investigation = justification.strip()
        complaint.save(
            update_fields=[
                "reportability",
                "reportability_decided_by",
                "reportability_decided_at",
                "investigation",
            ]
        )
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=complaint,
            changes=diff(before, snapshot(complaint, ["reportability", "investigation"])),
            reason=justification.strip(),
        )
    return complaint
