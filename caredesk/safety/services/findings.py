"""A person's safety disposition of each interaction: confirm or dismiss every finding, add a
missed one, or state "no AE / no complaint" where the screener found nothing.

A case closes only when every interaction has one (`check_case_transition`, called by the cases
lifecycle service), and a tampering lock keeps the case in the escalation workflow.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Case, CaseStatus, Interaction, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.models import (
    PV_KINDS,
    Finding,
    FindingKind,
    FindingSource,
    FindingStatus,
    SafetyCase,
    SafetyCaseStatus,
    ScreeningRecord,
)
from caredesk.safety.services.intake import screen_interaction
from caredesk.tenancy.services import check_can_write


def access_finding(user: Any, finding_id: int) -> Finding:
    return Finding.objects.visible_one(user, finding_id, "Finding")


def _decide(finding: Finding, status: str, acting_user: Any, reason: str) -> None:
    if finding.status != FindingStatus.FLAGGED:
        raise Conflict(f"This finding was already {finding.get_status_display().lower()}")
    finding.status = status
    finding.decided_by = acting_user
    finding.decided_at = timezone.now()
    finding.dismissal_reason = reason if status == FindingStatus.DISMISSED else ""
    finding.save(update_fields=["status", "decided_by", "decided_at", "dismissal_reason"])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=finding,
        changes={"status": [FindingStatus.FLAGGED, status]},
        reason=reason,
    )
    _reroute(finding, acting_user)


def _reroute(finding: Finding, acting_user: Any) -> None:
    """A dismissed (or added) finding changes the case's routing class: routing re-ranks it."""
    from caredesk.routing.services.priority import refresh_case_routing

    refresh_case_routing(finding.case, acting_user=acting_user)


def confirm_finding(finding: Finding, *, acting_user: Any, note: str = "") -> Finding:
    """Confirm a flag: an AE/special situation goes to a safety case, a complaint to quality."""
    check_can_write(acting_user, finding.program_id)
    with transaction.atomic():
        _decide(finding, FindingStatus.CONFIRMED, acting_user, note.strip())
        _route(finding, acting_user)
        add_timeline_entry(
            finding.case,
            TimelineKind.NOTE,
            f"Confirmed {finding.get_kind_display().lower()}: {finding.code}",
            actor=acting_user,
            interaction=finding.interaction,
        )
    return finding


def dismiss_finding(finding: Finding, *, reason: str, acting_user: Any) -> Finding:
    """Dismiss a flag as not reportable; the reason is required and audited."""
    check_can_write(acting_user, finding.program_id)
    if not reason.strip():
        raise InvalidInput("A reason is required to dismiss a finding", {"reason": "required"})
    with transaction.atomic():
        _decide(finding, FindingStatus.DISMISSED, acting_user, reason.strip())
        if finding.kind in PV_KINDS:
            from caredesk.safety.services.safety_cases import withdraw_dismissed_flag

            withdraw_dismissed_flag(finding, acting_user=acting_user, reason=reason.strip())
        if finding.kind == FindingKind.TAMPERING:
            from caredesk.quality.services.tampering import release_tampering_alert

            release_tampering_alert(finding, acting_user=acting_user, reason=reason.strip())
        add_timeline_entry(
            finding.case,
            TimelineKind.NOTE,
            f"Dismissed {finding.get_kind_display().lower()} {finding.code}: {reason.strip()}",
            actor=acting_user,
            interaction=finding.interaction,
        )
    return finding


def add_finding(
    interaction: Interaction,
    *,
    kind: str,
    code: str,
    note: str,
    acting_user: Any,
    products: list[str] | None = None,
    lots: list[str] | None = None,
    seriousness: list[str] | None = None,
) -> Finding:
    """A person records what the screener missed; it is confirmed as it is added."""
    check_can_write(acting_user, interaction.program_id)
    if kind not in FindingKind.values:
        raise InvalidInput("Unknown finding kind", {"kind": f"one of {FindingKind.values}"})
    if not code.strip() or not note.strip():
        raise InvalidInput("Say what was found", {"note": "required", "code": "required"})
    now = timezone.now()
    with transaction.atomic():
        screening = screen_interaction(interaction, acting_user=acting_user)
        finding = Finding.objects.create(
            program_id=interaction.program_id,
            case_id=interaction.case_id,
            interaction=interaction,
            screening=screening,
            kind=kind,
            code=code.strip(),
            source=FindingSource.AGENT,
            note=note.strip(),
            products=products or [],
            lots=lots or [],
            seriousness=seriousness or [],
            status=FindingStatus.CONFIRMED,
            decided_by=acting_user,
            decided_at=now,
            created_by=acting_user,
            created_at=now,
        )
        record_created(finding, acting_user=acting_user, fields=["interaction", "kind", "code"])
        if kind == FindingKind.TAMPERING:
            from caredesk.quality.services.tampering import raise_tampering_alert

            raise_tampering_alert(finding, acting_user=acting_user)
        _route(finding, acting_user)
        _reroute(finding, acting_user)
    return finding


def _route(finding: Finding, acting_user: Any) -> None:
    """AE/special situation → safety case; complaint/tampering → complaint; the two linked
    when one contact carries both (a combined AE + PQC is two linked records)."""
    from caredesk.quality.models import Complaint
    from caredesk.quality.services.complaints import open_complaint_for_finding
    from caredesk.safety.services.catalog import resolve_lot, resolve_product
    from caredesk.safety.services.safety_cases import open_or_update_safety_case

    unlinked = Complaint.objects.filter(case_id=finding.case_id, safety_case__isnull=True)
    if finding.kind in PV_KINDS:
        safety_case = open_or_update_safety_case(finding, acting_user=acting_user)
        unlinked.update(safety_case=safety_case)
        return
    product = resolve_product(finding.program_id, finding.products) or finding.case.product
    lot = resolve_lot(finding.program_id, finding.lots, product) or finding.case.lot
    complaint = open_complaint_for_finding(
        finding, product=product, lot=lot, acting_user=acting_user
    )
    open_safety_case = (
        SafetyCase.objects.filter(case_id=finding.case_id)
        .exclude(status=SafetyCaseStatus.CLOSED)
        .order_by("pk")
        .first()
    )
    if open_safety_case is not None and complaint.safety_case_id is None:
        unlinked.filter(pk=complaint.pk).update(safety_case=open_safety_case)


def mark_no_safety_content(
    interaction: Interaction, *, acting_user: Any, note: str = ""
) -> ScreeningRecord:
    """A person states the interaction holds no AE, special situation or complaint."""
    check_can_write(acting_user, interaction.program_id)
    with transaction.atomic():
        record = screen_interaction(interaction, acting_user=acting_user)
        if record is None:
            raise Conflict("The screener could not read this interaction yet; try again later")
        if Finding.objects.filter(interaction=interaction).exists():
            raise Conflict(
                "This interaction has findings: confirm or dismiss each of them",
                {"findings": "decide each finding instead"},
            )
        if record.cleared_at is not None:
            raise Conflict("Already marked as holding nothing to report")
        record.cleared_by = acting_user
        record.cleared_at = timezone.now()
        record.cleared_note = note.strip()
        record.save(update_fields=["cleared_by", "cleared_at", "cleared_note"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=record,
            changes={"cleared_at": [None, record.cleared_at]},
            reason=note.strip() or "no AE / no complaint",
        )
    return record


def undisposed_interactions(case: Case) -> list[int]:
    """Ids of the case's interactions still lacking a person's safety disposition."""
    open_ids = set(
        Finding.objects.filter(case=case, status=FindingStatus.FLAGGED).values_list(
            "interaction_id", flat=True
        )
    )
    with_findings = set(Finding.objects.filter(case=case).values_list("interaction_id", flat=True))
    cleared = set(
        ScreeningRecord.objects.filter(case=case, cleared_at__isnull=False).values_list(
            "interaction_id", flat=True
        )
    )
    ids = Interaction.objects.filter(case=case).order_by("pk").values_list("pk", flat=True)
    return [i for i in ids if i in open_ids or (i not in with_findings and i not in cleared)]


def check_case_transition(case: Case, new_status: str) -> None:
    """Raise when safety rules forbid the move (called by the cases lifecycle service)."""
    from caredesk.quality.services.tampering import LOCKED_OUT_STATUSES, active_lock

    if new_status == CaseStatus.CLOSED:
        missing = undisposed_interactions(case)
        if missing:
            raise Conflict(
                f"{len(missing)} interaction(s) on this case have no safety disposition",
                {"status": "confirm or dismiss each finding, or mark 'no AE / no complaint'"},
            )
    if new_status in LOCKED_OUT_STATUSES and active_lock(case) is not None:
        raise Conflict(
            "Suspected tampering locks this case to the escalation workflow",
            {"status": "dismiss the tampering finding or resolve the escalation"},
        )
