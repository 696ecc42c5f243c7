"""Follow-ups of a validated signal: a complaint investigation or a recall assessment.

- Complaint investigation: the quality service decides "investigate" on every linked case's
  complaint that has no investigation decision yet (820.198; the quality specialist is the one
  who may, as on the complaint page), and the signal records which complaints it started.
- Recall assessment: there is no recalls app yet, so the assessment is recorded on the signal as
  an action (kind, note, who, when) and noted on each linked case's timeline, where the recall
  coordinator and the auditor will find it.
Both are audited.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.services import record_created
from caredesk.cases.models import Case, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Conflict, InvalidInput
from caredesk.insights.models import ActionKind, CandidateSignal, SignalAction, SignalStatus
from caredesk.insights.services.access import require_reviewer
from caredesk.quality.models import Complaint, ComplaintStatus, InvestigationDecision
from caredesk.quality.services.complaint_file import decide_investigation


def _check_validated(signal: CandidateSignal) -> None:
    if signal.status != SignalStatus.VALIDATED:
        raise Conflict("Follow-ups start from a validated signal")


def _record(
    signal: CandidateSignal, kind: str, note: str, details: dict[str, Any], user: Any
) -> SignalAction:
    action = SignalAction.objects.create(
        program_id=signal.program_id,
        signal=signal,
        kind=kind,
        note=note,
        details=details,
        created_by=user,
        created_at=timezone.now(),
    )
    record_created(action, acting_user=user, fields=["signal", "kind", "note", "details"])
    return action


def start_complaint_investigation(
    signal: CandidateSignal, *, acting_user: Any, note: str = ""
) -> SignalAction:
    """Open the investigation of every undecided complaint among the signal's cases."""
    require_reviewer(acting_user, signal.program_id)
    _check_validated(signal)
    # scoping: ok (the complaints of the signal's own linked cases)
    complaints = Complaint.objects.system_scope().filter(
        program_id=signal.program_id,
        case_id__in=signal.links.values("case_id"),
        investigation_decision=InvestigationDecision.PENDING,
    )
    complaints = complaints.exclude(status=ComplaintStatus.CLOSED).order_by("pk")
    if not complaints:
        raise InvalidInput(
            "No linked complaint waits for an investigation decision",
            {"signal": "no open complaint without a decision among the linked cases"},
        )
    why = f"Validated signal {signal.pk} ({signal}). {note}".strip()
    with transaction.atomic():
        started = []
        for complaint in complaints:
            decide_investigation(
                complaint, investigate=True, justification=why, acting_user=acting_user
            )
            started.append(complaint.pk)
        return _record(
            signal,
            ActionKind.COMPLAINT_INVESTIGATION,
            note.strip(),
            {"complaints": started},
            acting_user,
        )


def start_recall_assessment(
    signal: CandidateSignal, *, acting_user: Any, note: str
) -> SignalAction:
    """Record that a recall assessment starts, and say so on every linked case."""
    require_reviewer(acting_user, signal.program_id)
    _check_validated(signal)
    if not (note or "").strip():
        raise InvalidInput("Say what is to be assessed", {"note": "required"})
    # scoping: ok (the signal's own linked cases)
    cases = Case.objects.system_scope().filter(pk__in=signal.links.values("case_id"))
    with transaction.atomic():
        action = _record(
            signal,
            ActionKind.RECALL_ASSESSMENT,
            note.strip(),
            {"cases": sorted(c.pk for c in cases)},
            acting_user,
        )
        for case in cases:
            add_timeline_entry(
                case,
                TimelineKind.NOTE,
                f"Recall assessment started from validated signal {signal.pk} ({signal}): "
                f"{note.strip()}",
                actor=acting_user,
                data={"signal": signal.pk, "action": action.pk},
            )
    return action
