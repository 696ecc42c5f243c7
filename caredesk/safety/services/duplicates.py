"""Duplicate detection: the same event for the same patient reported twice is proposed for linking.

A second report often arrives on another channel or from another reporter (the patient calls,
then her pharmacist emails). A candidate is a safety case of the same program, with the same
reporter or patient (person record or patient description), an overlapping event term, and a
first receipt within 30 days. A person links or rejects each proposal.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.errors import Conflict, InvalidInput
from caredesk.safety.models import DuplicateProposal, DuplicateStatus, SafetyCase
from caredesk.tenancy.services import check_can_write

WINDOW = timedelta(days=30)


def _same_person(a: SafetyCase, b: SafetyCase) -> str:
    a_people = {a.reporter_id, a.patient_person_id, a.case.person_id} - {None}
    b_people = {b.reporter_id, b.patient_person_id, b.case.person_id} - {None}
    if a_people & b_people:
        return "same person"
    desc_a = " ".join(a.patient_description.lower().split())
    if desc_a and desc_a == " ".join(b.patient_description.lower().split()):
        return "same patient description"
    return ""


def _overlap(a: list[str], b: list[str]) -> list[str]:
    """Terms in common; a term contained in the other counts ("rash" and "itchy rash")."""
    out = []
    for x in a:
        for y in b:
            if x and y and (x == y or x in y or y in x):
                out.append(x if len(x) <= len(y) else y)
    return sorted(set(out))


def duplicate_candidates(safety_case: SafetyCase) -> list[tuple[SafetyCase, str]]:
    """Other safety cases that look like the same report, with why."""
    if not safety_case.event_terms:
        return []
    qs = (
        SafetyCase.objects.filter(
            program_id=safety_case.program_id,
            first_received_at__gte=safety_case.first_received_at - WINDOW,
            first_received_at__lte=safety_case.first_received_at + WINDOW,
        )
        .exclude(pk=safety_case.pk)
        .select_related("case")
    )
    people = {safety_case.reporter_id, safety_case.patient_person_id, safety_case.case.person_id}
    people.discard(None)
    match = (
        Q(reporter_id__in=people) | Q(patient_person_id__in=people) | Q(case__person_id__in=people)
    )
    if safety_case.patient_description:
        match |= Q(patient_description__iexact=safety_case.patient_description)
    out = []
    for other in qs.filter(match):
        who = _same_person(safety_case, other)
        terms = _overlap(safety_case.event_terms, other.event_terms)
        if who and terms:
            out.append((other, f"{who}; event {', '.join(terms)}"[:300]))
    return out


def propose_duplicates(safety_case: SafetyCase) -> list[DuplicateProposal]:
    """Record a proposal for each new candidate (idempotent)."""
    proposals = []
    for other, reason in duplicate_candidates(safety_case):
        pair = DuplicateProposal.objects.filter(
            Q(safety_case=safety_case, candidate=other)
            | Q(safety_case=other, candidate=safety_case)
        )
        if pair.exists():
            continue
        proposals.append(
            DuplicateProposal.objects.create(
                program_id=safety_case.program_id,
                safety_case=safety_case,
                candidate=other,
                reason=reason,
                created_at=timezone.now(),
            )
        )
    return proposals


def decide_duplicate(
    proposal: DuplicateProposal, *, link: bool, acting_user: Any, reason: str = ""
) -> DuplicateProposal:
    """Link the newer case to the older one, or reject the proposal (a reason is required)."""
    check_can_write(acting_user, proposal.program_id)
    if proposal.status != DuplicateStatus.PROPOSED:
        raise Conflict("This proposal was already decided")
    if not link and not reason.strip():
        raise InvalidInput("Say why these are different reports", {"reason": "required"})
    with transaction.atomic():
        proposal.status = DuplicateStatus.LINKED if link else DuplicateStatus.REJECTED
        proposal.decided_by = acting_user
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["status", "decided_by", "decided_at"])
        if link:
            newer, older = sorted(
                (proposal.safety_case, proposal.candidate),
                key=lambda c: (c.first_received_at, c.pk),
                reverse=True,
            )
            newer.duplicate_of = older
            newer.save(update_fields=["duplicate_of", "updated_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=proposal,
            changes={"status": [DuplicateStatus.PROPOSED, proposal.status]},
            reason=reason,
        )
    return proposal
