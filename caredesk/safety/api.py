"""REST API of safety findings (per case: list, confirm, dismiss, add, "no AE / no complaint"),
safety cases (the deadline-ordered queue and one case with its E2B sections) and event-coding
term search. Everything is scoped to the caller's programs; another program's ids answer 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Status

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, map_items, paginate, paginate_list
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.cases.services.access import access_case, access_interaction
from caredesk.safety.models import Finding, ScreeningRecord
from caredesk.safety.schemas import (
    ClearIn,
    ClearOut,
    ConfirmIn,
    DismissIn,
    FindingIn,
    FindingOut,
    SafetyCaseDetailOut,
    SafetyCaseFilters,
    SafetyCaseOut,
    TermOut,
    TermParams,
)
from caredesk.safety.services.findings import (
    access_finding,
    add_finding,
    confirm_finding,
    dismiss_finding,
    mark_no_safety_content,
)
from caredesk.safety.services.queue import QueueRow, queue_row, safety_queue
from caredesk.safety.services.safety_cases import access_safety_case
from caredesk.terminology.services.search import ranked_terms, term_hits

router = ApiRouter(tags=["safety"])


@router.get("/cases/{case_id}/findings", response=Page[FindingOut])
def case_findings(
    request: HttpRequest, case_id: ObjectId, page: Query[PageParams]
) -> dict[str, Any]:
    """Every finding on the case's interactions, oldest first."""
    user = acting_user(request)
    case = access_case(user, case_id)
    return paginate(Finding.objects.visible_to(user).filter(case=case).order_by("pk"), page)


@router.post("/findings/{finding_id}/confirm", response=FindingOut)
def confirm(request: HttpRequest, finding_id: ObjectId, payload: ConfirmIn) -> Finding:
    """Confirm a flag: an AE/special situation opens or joins a safety case, a complaint a
    complaint record."""
    user = acting_user(request)
    return confirm_finding(access_finding(user, finding_id), acting_user=user, note=payload.note)


@router.post("/findings/{finding_id}/dismiss", response=FindingOut)
def dismiss(request: HttpRequest, finding_id: ObjectId, payload: DismissIn) -> Finding:
    """Dismiss a flag as not reportable; the reason is required and audited."""
    user = acting_user(request)
    finding = access_finding(user, finding_id)
    return dismiss_finding(finding, reason=payload.reason, acting_user=user)


@router.post("/interactions/{interaction_id}/findings", response={201: FindingOut})
def add(request: HttpRequest, interaction_id: ObjectId, payload: FindingIn) -> Status:
    """Record a finding the screener missed (confirmed as it is added)."""
    user = acting_user(request)
    interaction = access_interaction(user, interaction_id)
    return Status(201, add_finding(interaction, acting_user=user, **payload.dict()))


@router.post("/interactions/{interaction_id}/no-safety-content", response=ClearOut)
def clear(request: HttpRequest, interaction_id: ObjectId, payload: ClearIn) -> ScreeningRecord:
    """A person states the interaction holds no AE, special situation or complaint."""
    user = acting_user(request)
    interaction = access_interaction(user, interaction_id)
    return mark_no_safety_content(interaction, acting_user=user, note=payload.note)


def _case_out(row: QueueRow, detail: bool = False) -> dict[str, Any]:
    sc = row.safety_case
    out: dict[str, Any] = {
        **{f: getattr(sc, f) for f in SafetyCaseOut.model_fields if hasattr(sc, f)},
        "case_reference": sc.case.reference,
        "criteria": {c.value: held for c, held in row.criteria},
        "missing_criteria": [c.value for c, held in row.criteria if not held],
        "next_due": row.next_due,
        "next_due_kind": row.next_kind,
        "due_state": row.state(timezone.now()),
        "reports": list(sc.reports.all()),
        "follow_ups": row.follow_ups,
    }
    if detail:
        out |= {
            "patient_description": sc.patient_description,
            "narrative": sc.narrative,
            "reporter_id": sc.reporter_id,
            "reactions": list(sc.reactions.all()),
            "drugs": list(sc.drugs.all()),
        }
    return out


@router.get("/safety-cases", response=Page[SafetyCaseOut])
def safety_cases(request: HttpRequest, filters: Query[SafetyCaseFilters]) -> dict[str, Any]:
    """Open safety cases of the caller's programs, nearest deadline (overdue) first."""
    return map_items(
        paginate_list(safety_queue(acting_user(request), filters.program), filters), _case_out
    )


@router.get("/safety-cases/{safety_case_id}", response=SafetyCaseDetailOut)
def safety_case(request: HttpRequest, safety_case_id: ObjectId) -> dict[str, Any]:
    sc = access_safety_case(acting_user(request), safety_case_id)
    return _case_out(queue_row(sc), detail=True)


@router.get("/terminology/terms", response=Page[TermOut])
def terms(request: HttpRequest, params: Query[TermParams]) -> dict[str, Any]:
    """Event coding: lowest level terms of the coding release matching `q`, best first (at
    most the first 300 terms containing it are ranked)."""
    release, rows = ranked_terms(params.q)
    page = paginate_list(rows, params)
    return page | {"items": term_hits(release, page["items"]) if release is not None else []}


# Compliance report, due-report calendar, late reasons and the safety lead (api_compliance.py).
from caredesk.safety.api_compliance import router as oversight_router  # noqa: E402

router.add_router("", oversight_router)

# Regulatory submissions: prepare, sign, send, ACK, resubmit, exports (api_submissions.py).
from caredesk.safety.api_submissions import router as submissions_router  # noqa: E402

router.add_router("", submissions_router)
