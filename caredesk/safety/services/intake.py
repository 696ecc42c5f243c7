"""Screening every saved interaction: one ScreeningRecord and one Finding per thing found.

Called explicitly by the cases service that saves an interaction, inside its transaction (not
from a signal), so an interaction is never committed unscreened. A miss is silent, so the
screener's flags are kept even when unsure; a person confirms or dismisses each one.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Interaction
from caredesk.safety.models import (
    PV_KINDS,
    Finding,
    FindingKind,
    FindingSource,
    FindingStatus,
    ScreeningRecord,
)
from caredesk.safety.screening import ComplaintCategory, ScreeningResult, SpecialSituation, screen
from caredesk.safety.services.catalog import program_catalog, screener_version

SCREENER_ACTOR = "system:screener"
logger = logging.getLogger(__name__)


def screening_text(interaction: Interaction) -> str:
    """The text the screener reads: subject and body (or the HTML body's text)."""
    body = interaction.body or strip_tags(interaction.body_html or "")
    return "\n".join(part for part in (interaction.subject, body) if part.strip())


Prepared = tuple[str, ScreeningResult | None]


def prepare_screening(interaction: Interaction) -> Prepared:
    """The text screened and the screener's result (None when it failed), stored nothing yet.

    Pure computation plus the cached catalog: a caller may run it before taking the audit
    chain's lock, so that other writers do not wait while the screener reads the text."""
    text = screening_text(interaction)
    try:
        return text, screen(text, catalog=program_catalog(interaction.program_id))
    except Exception:
        # The contact must be saved even if the screener breaks on it: the sweep retries, and
        # until then the monthly reconciliation lists it as unscreened.
        logger.exception("screening failed for interaction %s", interaction.pk)
        return text, None


def screen_interaction(
    interaction: Interaction,
    *,
    acting_user: Any = None,
    unscreened: bool = False,
    prepared: Prepared | None = None,
) -> ScreeningRecord | None:
    """Screen one interaction once (idempotent) and store its findings.

    A tampering or counterfeit flag raises the quality alert at once: contacts are told and the
    case is locked to escalation without waiting for an agent to confirm it. Returns None when
    the screener failed (logged; the periodic sweep screens the interaction again).
    `unscreened=True` (an interaction created in the caller's transaction) skips the lookup of
    an earlier screening, which cannot exist: one query less on every logged contact.
    `prepared` is `prepare_screening(interaction)` when the caller ran it already.
    """
    if not unscreened:
        existing = ScreeningRecord.objects.filter(interaction=interaction).first()
        if existing is not None:
            return existing
    text, result = prepared if prepared is not None else prepare_screening(interaction)
    if result is None:
        return None
    with transaction.atomic():
        record, findings = _store(interaction, result, text)
        # The findings just written, not `record.findings.all()`: the same rows, no query.
        _open_draft_safety_case(findings)
        _raise_tampering_alerts(findings, acting_user)
        if findings:
            _reroute(interaction, acting_user)
    return record


def _reroute(interaction: Interaction, acting_user: Any) -> None:
    """New findings can raise the case's routing class (tampering, AE …): routing re-ranks it."""
    from caredesk.routing.services.priority import refresh_case_routing

    refresh_case_routing(interaction.case, acting_user=acting_user)


def _store(
    interaction: Interaction, result: ScreeningResult, text: str
) -> tuple[ScreeningRecord, list[Finding]]:
    now = timezone.now()
    record = ScreeningRecord.objects.create(
        program_id=interaction.program_id,
        case_id=interaction.case_id,
        interaction=interaction,
        screened_at=now,
        screener_version=screener_version(),
        result=result.to_json(),
    )
    # One INSERT for all findings (Finding has no save() override or signals to skip).
    findings = Finding.objects.bulk_create(
        Finding(
            program_id=interaction.program_id,
            case_id=interaction.case_id,
            interaction=interaction,
            screening=record,
            source=FindingSource.SCREENER,
            status=FindingStatus.FLAGGED,
            created_at=now,
            **fields,
        )
        for fields in findings_from_result(result, text)
    )
    record_event(
        AuditAction.CREATE,
        acting_user=None,
        actor_username=SCREENER_ACTOR,
        instance=record,
        changes={"findings": [None, [f"{f.kind}:{f.code}" for f in findings]]},
    )
    return record, findings


def _open_draft_safety_case(findings: list[Finding]) -> None:
    """A flagged AE or special situation opens (or joins) the case's draft safety case now:
    its hand-off clock runs from receipt, visible to pharmacovigilance before any agent acts."""
    from caredesk.safety.services.safety_cases import open_or_update_safety_case

    for finding in findings:
        if finding.kind in PV_KINDS:
            open_or_update_safety_case(finding, acting_user=None)


def _raise_tampering_alerts(findings: list[Finding], acting_user: Any) -> None:
    from caredesk.quality.services.tampering import raise_tampering_alert

    for finding in findings:
        if finding.kind == FindingKind.TAMPERING:
            raise_tampering_alert(finding, acting_user=acting_user)


def _spans(result: ScreeningResult, text: str, labels: set[str]) -> list[dict[str, Any]]:
    return [
        {**e.to_json(), "text": text[e.start : e.end]}
        for e in result.evidence
        if e.label in labels or any(e.label.startswith(p) for p in labels if p.endswith(":"))
    ]


def findings_from_result(result: ScreeningResult, text: str) -> list[dict[str, Any]]:
    """One finding per adverse event, special situation, complaint category and tampering kind.

    Counterfeit suspicion (a special situation and a complaint category to the screener) is one
    tampering finding here: it is what must alert quality and security at once.
    """
    common = {
        "products": [m.value for m in result.products],
        "lots": [m.value for m in result.lots],
    }

    def finding(kind: FindingKind, code: str, labels: set[str]) -> dict[str, Any]:
        return {"kind": kind, "code": code, "evidence": _spans(result, text, labels), **common}

    out: list[dict[str, Any]] = []
    if result.adverse_event:
        ae = finding(FindingKind.ADVERSE_EVENT, "adverse_event", {"adverse_event", "seriousness:"})
        out.append(ae | {"seriousness": [str(s) for s in result.seriousness]})
    for situation in result.special_situations:
        if situation != SpecialSituation.COUNTERFEIT:
            out.append(finding(FindingKind.SPECIAL_SITUATION, str(situation), {str(situation)}))
    counterfeit = SpecialSituation.COUNTERFEIT in result.special_situations or (
        ComplaintCategory.COUNTERFEIT in result.complaint_categories
    )
    codes = [str(c) for c in result.complaint_categories if c != ComplaintCategory.COUNTERFEIT]
    if result.product_complaint and not codes and not counterfeit:
        codes = ["other"]
    for code in codes:
        labels = {f"complaint:{code}", "product_complaint"}
        out.append(finding(FindingKind.PRODUCT_COMPLAINT, code, labels))
    if result.tampering:
        out.append(finding(FindingKind.TAMPERING, "tampering", {"tampering"}))
    if counterfeit:
        labels = {"counterfeit", "complaint:counterfeit"}
        out.append(finding(FindingKind.TAMPERING, "counterfeit", labels))
    return out
