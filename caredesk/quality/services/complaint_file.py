"""The decisions a complaint file must hold before it closes (21 CFR 820.198, ISO 13485 8.2.2).

- reportability (MDR / field alert / vigilance): the decision, who made it, when and why;
- investigation: whether one is needed, and if not, the reason and who decided (820.198(b));
  if so, its date, results, root cause and corrective action (820.198(e));
- the reply to the complainant, with its date.

`close_complaint` refuses, with every missing item named, until all three are recorded. Each
decision is taken by a quality specialist of the program and audited in the same transaction.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_event, snapshot
from caredesk.errors import Conflict, InvalidInput
from caredesk.quality.models import (
    Complaint,
    ComplaintStatus,
    InvestigationDecision,
    Reportability,
)
from caredesk.quality.services.complaints import check_open, require_quality_specialist
from caredesk.tenancy.models import ProductType


def _save(
    complaint: Complaint, values: dict[str, Any], *, acting_user: Any, reason: str = ""
) -> Complaint:
    """Apply `values`, save only those fields and audit old → new, in one transaction."""
    fields = list(values)
    before = snapshot(complaint, fields)
    for name, value in values.items():
        setattr(complaint, name, value)
    with transaction.atomic():
        complaint.save(update_fields=fields)
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=complaint,
            changes=diff(before, snapshot(complaint, fields)),
            reason=reason,
        )
    return complaint


def _text(value: str, field: str, message: str) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise InvalidInput(message, {field: "required"})
    return cleaned


def decide_reportability(
    complaint: Complaint, *, reportable: bool, justification: str, acting_user: Any
) -> Complaint:
    """820.198(a)(3): whether the complaint is reportable, who decided, and why."""
    require_quality_specialist(acting_user, complaint.program_id)
    check_open(complaint)
    why = _text(justification, "justification", "A justification is required")
    decision = Reportability.REPORTABLE if reportable else Reportability.NOT_REPORTABLE
    values = {
        "reportability": decision,
        "reportability_justification": why,
        "reportability_decided_by": acting_user,
        "reportability_decided_at": timezone.now(),
    }
    return _save(complaint, values, acting_user=acting_user, reason=why)


def decide_investigation(
    complaint: Complaint, *, investigate: bool, justification: str, acting_user: Any
) -> Complaint:
    """820.198(b)/(c): investigate, or record why not and who decided (for a possible failure
    to meet specifications the reason should name the prior investigation that covers it; the
    text is the specialist's, not checked here)."""
    require_quality_specialist(acting_user, complaint.program_id)
    check_open(complaint)
    why = justification.strip()
    if not investigate and not why:
        raise InvalidInput(
            "Say why no investigation is needed (and who made it: you, recorded now)",
            {"justification": "required when there is no investigation"},
        )
    values: dict[str, Any] = {
        "investigation_decision": (
            InvestigationDecision.INVESTIGATE if investigate else InvestigationDecision.NOT_NEEDED
        ),
        "investigation_justification": "" if investigate else why,
        "investigation_decided_by": acting_user,
        "investigation_decided_at": timezone.now(),
    }
    if investigate and complaint.status == ComplaintStatus.OPEN:
        values["status"] = ComplaintStatus.INVESTIGATING
    return _save(complaint, values, acting_user=acting_user, reason=why)


def record_investigation(
    complaint: Complaint,
    *,
    results: str,
    investigated_on: date | None = None,
    root_cause: str = "",
    corrective_action: str = "",
    acting_user: Any,
) -> Complaint:
    """Dates and results of the investigation, root cause and corrective action (820.198(e))."""
    require_quality_specialist(acting_user, complaint.program_id)
    check_open(complaint)
    if complaint.investigation_decision != InvestigationDecision.INVESTIGATE:
        raise Conflict(
            "Decide to investigate before recording results",
            {"investigation_decision": "not 'investigate'"},
        )
    values = {
        "investigation": _text(results, "results", "Investigation results are required"),
        "investigated_on": investigated_on or timezone.localdate(),
        "root_cause": root_cause.strip(),
        "corrective_action": corrective_action.strip(),
    }
    return _save(complaint, values, acting_user=acting_user)


def record_reply(
    complaint: Complaint, *, text: str, replied_at: datetime | None = None, acting_user: Any
) -> Complaint:
    """What the complainant was told, and when (820.198(e)(8))."""
    require_quality_specialist(acting_user, complaint.program_id)
    check_open(complaint)
    when = replied_at or timezone.now()
    if when > timezone.now() or when < complaint.received_at:
        raise InvalidInput(
            "The reply date must lie between receipt and now", {"replied_at": "out of range"}
        )
    values = {
        "reply_to_complainant": _text(text, "text", "Say what the complainant was told"),
        "replied_at": when,
        "replied_by": acting_user,
    }
    return _save(complaint, values, acting_user=acting_user)


def closing_problems(complaint: Complaint) -> dict[str, str]:
    """What the file still lacks before it may close, by field (empty when complete)."""
    problems: dict[str, str] = {}
    if complaint.reportability == Reportability.PENDING:
        problems["reportability"] = "record the reportability decision"
    decision = complaint.investigation_decision
    if decision == InvestigationDecision.PENDING:
        problems["investigation_decision"] = "decide whether to investigate"
    elif decision == InvestigationDecision.INVESTIGATE and not complaint.investigation.strip():
        problems["investigation"] = "record the investigation results"
    elif decision == InvestigationDecision.NOT_NEEDED and not (
        complaint.investigation_justification.strip()
    ):
        problems["investigation_justification"] = "say why no investigation was needed"
    if not complaint.reply_to_complainant.strip() or complaint.replied_at is None:
        problems["reply_to_complainant"] = "record the reply to the complainant"
    problems.update(_device_problems(complaint))
    return problems


def _device_problems(complaint: Complaint) -> dict[str, str]:
    """820.198(d): an MDR-reportable device complaint states spec failure, use, relationship."""
    product = complaint.product
    if complaint.reportability != Reportability.REPORTABLE or product is None:
        return {}
    if product.product_type != ProductType.DEVICE:
        return {}
    problems = {}
    if complaint.failed_specifications is None:
        problems["failed_specifications"] = "state whether the device failed its specifications"
    if complaint.in_use_for_treatment is None:
        problems["in_use_for_treatment"] = "state whether it was used for treatment or diagnosis"
    if not complaint.relationship_to_event.strip():
        problems["relationship_to_event"] = "state the device's relationship to the event"
    return problems


def close_complaint(complaint: Complaint, *, acting_user: Any, note: str = "") -> Complaint:
    """Close the file once it holds the decision, the investigation or its justification, and
    the reply; otherwise a 422 naming each missing item, and nothing written."""
    require_quality_specialist(acting_user, complaint.program_id)
    check_open(complaint)
    problems = closing_problems(complaint)
    if problems:
        missing = "; ".join(problems.values())
        raise InvalidInput(f"The complaint file is not complete: {missing}", problems)
    values = {
        "status": ComplaintStatus.CLOSED,
        "closed_at": timezone.now(),
        "closed_by": acting_user,
    }
    return _save(complaint, values, acting_user=acting_user, reason=note.strip())


def reopen_complaint(complaint: Complaint, *, reason: str, acting_user: Any) -> Complaint:
    """New information on a closed complaint: reopen it, with a reason."""
    require_quality_specialist(acting_user, complaint.program_id)
    if complaint.status != ComplaintStatus.CLOSED:
        raise Conflict("Only a closed complaint can be reopened", {"status": "not closed"})
    why = _text(reason, "reason", "A reason is required to reopen a complaint")
    status = (
        ComplaintStatus.INVESTIGATING
        if complaint.investigation_decision == InvestigationDecision.INVESTIGATE
        else ComplaintStatus.OPEN
    )
    values = {"status": status, "closed_at": None, "closed_by": None}
    return _save(complaint, values, acting_user=acting_user, reason=why)
