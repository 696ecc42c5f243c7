"""The demo's recent contacts screened, and what the agents would have done with the flags.

The loader writes 250,000 interactions in bulk, past the service that screens each one as it is
saved. Screening all of them here would double the load time, so the demo screens the contacts
of the last `SCREEN_DAYS` days (every channel, every direction) with the real screener and the
real intake rules: each flagged adverse event opens its draft safety case with running clocks,
and agents' decisions are filled in for the cases they have already worked. Older contacts stay
unscreened on purpose: the background sweep (`screen_unscreened`) catches them up while the
demo runs, exactly as it would after an import, and the monthly reconciliation lists them
until it has.

Screening results are cached by (program, text): the demo's texts come from templates, so many
repeat, and the screener is a pure function of its text and the program's catalog.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db.models import F, QuerySet

from caredesk.cases.models import Case, CaseStatus, CaseType, Interaction
from caredesk.safety.models import (
    PV_KINDS,
    Finding,
    FindingSource,
    FindingStatus,
    SafetyCase,
    ScreeningRecord,
)
from caredesk.safety.screening import ScreeningResult, screen
from caredesk.safety.services.case_form import ReactionInput, add_reaction
from caredesk.safety.services.catalog import program_catalog, screener_version
from caredesk.safety.services.intake import findings_from_result, screening_text
from caredesk.safety.services.safety_cases import open_or_update_safety_case
from caredesk.tenancy.models import Membership, Role
from caredesk.terminology.services.releases import load_open_list
from caredesk.terminology.services.search import coding_release, search_terms

SCREEN_DAYS = 7
MAX_CODED = 6
CHUNK = 2000
WORKED = frozenset(
    {
        CaseStatus.OPEN,
        CaseStatus.PENDING_CUSTOMER,
        CaseStatus.ESCALATED,
        CaseStatus.RESOLVED,
        CaseStatus.CLOSED,
    }
)
CLOSED = frozenset({CaseStatus.RESOLVED, CaseStatus.CLOSED})
# What an agent confirms: the kinds of finding a case of this type is about.
CONFIRMED_KINDS: dict[str, frozenset[str]] = {
    CaseType.ADVERSE_EVENT: frozenset({"adverse_event", "special_situation", "product_complaint"}),
    CaseType.PRODUCT_COMPLAINT: frozenset(
        {"product_complaint", "tampering", "adverse_event", "special_situation"}
    ),
}
DISMISS_REASON = "Agent review: a question or general remark, nothing reported (demo)"
CLEAR_NOTE = "Agent review: no adverse event, special situation or complaint (demo)"


class Screener:
    """The real screener with a cache keyed by program and text (see the module docstring)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[int, str], ScreeningResult] = {}

    def __call__(self, program_id: int, text: str) -> ScreeningResult:
        key = (program_id, text)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = screen(text, catalog=program_catalog(program_id))
        return found


def screen_recent(
    as_of: datetime, rng: random.Random, progress: Callable[[str], None] = lambda _m: None
) -> Counter[str]:
    """Screen the last `SCREEN_DAYS` days of demo contacts and settle what agents decided."""
    since = as_of - timedelta(days=SCREEN_DAYS)
    cases = Case.objects.system_scope().filter(opened_at__gte=since)
    counts = screen_cases(cases, as_of, rng)
    progress(
        f"  safety: {counts['screenings']} recent contacts screened, "
        f"{counts['safety_cases']} draft safety cases from the flags"
    )
    return counts


def screen_cases(cases_qs: QuerySet[Case], as_of: datetime, rng: random.Random) -> Counter[str]:
    """The real screener over every contact of these cases, then what their agents decided."""
    cases = {c.pk: c for c in cases_qs.select_related("program", "owner")}
    counts: Counter[str] = Counter()
    screener = Screener()
    ids = list(
        Interaction.objects.system_scope()
        .filter(case_id__in=list(cases), screening__isnull=True)
        .order_by("received_at", "pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        chunk = Interaction.objects.system_scope().filter(pk__in=ids[start : start + CHUNK])
        findings = _screen_chunk(list(chunk), screener, counts)
        _decide(findings, cases, as_of, rng, counts)
    _open_drafts(list(cases), counts)
    _code_reactions(list(cases), counts)
    _clear_quiet_contacts([c for c in cases.values() if c.status in CLOSED], counts)
    return counts


def _screen_chunk(
    interactions: list[Interaction], screener: Screener, counts: Counter[str]
) -> list[Finding]:
    version, now = screener_version(), max(i.received_at for i in interactions)
    records, planned = [], []
    for interaction in interactions:
        text = screening_text(interaction)
        result = screener(interaction.program_id, text)
        records.append(
            ScreeningRecord(
                program_id=interaction.program_id,
                case_id=interaction.case_id,
                interaction=interaction,
                screened_at=interaction.received_at,
                screener_version=version,
                result=result.to_json(),
            )
        )
        planned.append(findings_from_result(result, text))
    ScreeningRecord.objects.bulk_create(records)
    findings = [
        Finding(
            program_id=record.program_id,
            case_id=record.case_id,
            interaction=record.interaction,
            screening=record,
            source=FindingSource.SCREENER,
            status=FindingStatus.FLAGGED,
            created_at=record.screened_at or now,
            **fields,
        )
        for record, found in zip(records, planned, strict=True)
        for fields in found
    ]
    counts["screenings"] += len(records)
    counts["findings"] += len(findings)
    return findings


def _decide(
    findings: list[Finding],
    cases: dict[int, Case],
    as_of: datetime,
    rng: random.Random,
    counts: Counter[str],
) -> None:
    """Worked cases carry their agent's decision; new ones keep their flags for the inbox."""
    for finding in findings:
        case = cases[finding.case_id]
        if case.status not in WORKED or case.owner_id is None:
            continue
        confirm = finding.kind in CONFIRMED_KINDS.get(case.case_type, frozenset())
        finding.status = FindingStatus.CONFIRMED if confirm else FindingStatus.DISMISSED
        finding.decided_by_id = case.owner_id
        delay = timedelta(minutes=rng.uniform(5, 240))
        finding.decided_at = min(finding.interaction.received_at + delay, as_of)
        finding.dismissal_reason = "" if confirm else DISMISS_REASON
        counts[f"findings_{finding.status}"] += 1
    Finding.objects.bulk_create(findings)


def _open_drafts(case_ids: list[int], counts: Counter[str]) -> None:
    """Live AE and special-situation findings open their drafts through the safety service."""
    live = (
        Finding.objects.system_scope()
        .filter(case_id__in=case_ids, kind__in=list(PV_KINDS), safety_case__isnull=True)
        .exclude(status=FindingStatus.DISMISSED)
        .select_related("interaction", "case__program", "case__person")
        .order_by("interaction__received_at", "pk")
    )
    opened = set()
    for finding in live:
        opened.add(open_or_update_safety_case(finding, acting_user=None).pk)
    counts["safety_cases"] += len(opened)


def _code_reactions(case_ids: list[int], counts: Counter[str]) -> None:
    """The program's safety specialist has coded the reported events of every confirmed case
    (with the bundled open term list unless a MedDRA release is loaded); new ones await it."""
    if coding_release() is None:
        load_open_list()
    specialists = {
        m.program_id: m.user
        for m in Membership.objects.filter(role=Role.SAFETY_SPECIALIST, active=True)
        .select_related("user")
        .order_by("-pk")
    }
    confirmed = SafetyCase.objects.system_scope().filter(
        case_id__in=case_ids, findings__status=FindingStatus.CONFIRMED, reactions__isnull=True
    )
    for safety_case in confirmed.distinct().select_related("program"):
        user = specialists.get(safety_case.program_id)
        for verbatim in (safety_case.event_terms or [])[:MAX_CODED] if user else []:
            term_id = _term_for(verbatim)
            if term_id is None:
                counts["uncoded_terms"] += 1  # "side effect": the coder asks what it was
                continue
            add_reaction(safety_case, ReactionInput(verbatim, term_id), acting_user=user)
            counts["coded_reactions"] += 1


def _term_for(verbatim: str) -> int | None:
    """The term a coder would pick without a second look: every reported word is in it, give
    or take its ending ("face swelled" is "face swelling", but "trouble breathing" is never
    "trouble sleeping"); anything else waits for a person."""
    stems = {w[:4] for w in verbatim.lower().split()}
    for hit in search_terms(verbatim, limit=5):
        if stems <= {w[:4] for w in hit.term.lower().split()}:
            return hit.id
    return None


def _clear_quiet_contacts(closed: Iterable[Case], counts: Counter[str]) -> None:
    """A closed case had a person's disposition on every contact: the quiet ones were cleared."""
    by_owner: dict[Any, list[int]] = defaultdict(list)
    for case in closed:
        if case.owner_id:
            by_owner[case.owner_id].append(case.pk)
    for owner_id, case_ids in by_owner.items():
        counts["cleared"] += (
            ScreeningRecord.objects.system_scope()
            .filter(case_id__in=case_ids, findings__isnull=True, cleared_at__isnull=True)
            .update(cleared_by_id=owner_id, cleared_at=F("screened_at"), cleared_note=CLEAR_NOTE)
        )
