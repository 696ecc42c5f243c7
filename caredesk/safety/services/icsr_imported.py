"""Re-exporting a safety case that was imported from a partner's E2B(R3) file.

CareDesk holds the case-level facts and the editable E2B rows; the original file holds the rest
(C.1 identification with the partner's report ids and dates, the reporters C.2.r, patient D,
tests F, per-reaction seriousness and coding details, drug substances and dosage details,
causality). The re-export starts from the original items and lays CareDesk's current values
over them, so nothing the partner sent is lost and every edit made here is sent.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from caredesk.safety.e2b.model import Drug, ICSRMessage, MedDRACode, Reaction
from caredesk.safety.e2b.reader import parse_icsr_xml
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_detail import DrugRole, SafetyProduct, SafetyReaction
from caredesk.safety.models_submission import E2BImport
from caredesk.safety.services.icsr_sections import drug_rows, meddra_version, reaction_rows


def original_message(record: E2BImport) -> ICSRMessage | None:
    messages = parse_icsr_xml(record.xml.encode("utf-8"))
    return messages[record.message_index] if record.message_index < len(messages) else None


def _reaction(base: Reaction, row: SafetyReaction) -> Reaction:
    merged = dataclasses.replace(base)
    as_imported = (base.verbatim or base.translation or "(not reported)")[:250]
    if row.verbatim != as_imported:  # edited here; else E.i.1.1a stays as the partner sent it
        merged.verbatim = row.verbatim
    if row.coded_code:
        merged.meddra = MedDRACode(row.coded_code, meddra_version(row.coded_version))
    merged.start = row.onset or base.start
    merged.end = row.end or base.end
    if base.outcome is not None or row.outcome != "0":
        merged.outcome = row.outcome
    return merged


def _drug(base: Drug, row: SafetyProduct, reaction_ids: set[str]) -> Drug:
    merged = dataclasses.replace(base, product_name=row.name)
    if str(base.role) in DrugRole.values:  # a role the partner left out stays left out
        merged.role = row.role
    merged.reactions = [r for r in base.reactions if r.reaction_id in reaction_ids]
    return merged


def _pair(rows: list[Any], built: list[Any], index: dict[str, int], originals: list[Any]):
    """(row, built item, original item or None) in row order."""
    for row, item in zip(rows, built, strict=True):
        position = index.get(str(row.pk))
        yield row, item, originals[position] if position is not None else None


def overlay_import(safety_case: SafetyCase, message: ICSRMessage) -> ICSRMessage:
    """The message with the imported original's items where CareDesk has no column."""
    record = E2BImport.objects.filter(safety_case_id=safety_case.pk).first()
    original = original_message(record) if record is not None else None
    if record is None or original is None:
        return message
    mapping = record.source or {}
    reactions = [
        _reaction(base, row) if base is not None else item
        for row, item, base in _pair(
            reaction_rows(safety_case),
            message.reactions,
            mapping.get("reactions", {}),
            original.reactions,
        )
    ]
    ids = {r.id for r in reactions}
    drugs = [
        _drug(base, row, ids) if base is not None else item
        for row, item, base in _pair(
            drug_rows(safety_case), message.drugs, mapping.get("drugs", {}), original.drugs
        )
    ]
    case = dataclasses.replace(original.case, created=message.case.created)
    narrative = dataclasses.replace(
        original.narrative,
        case_narrative=safety_case.narrative
        if safety_case.narrative.strip()
        else original.narrative.case_narrative,
    )
    header = dataclasses.replace(
        message.header,
        batch_receiver=original.header.batch_receiver or message.header.batch_receiver,
        message_receiver=original.header.message_receiver or message.header.message_receiver,
    )
    return dataclasses.replace(
        message,
        header=header,
        case=case,
        primary_sources=original.primary_sources or message.primary_sources,
        patient=original.patient,
        reactions=reactions,
        drugs=drugs,
        narrative=narrative,
        literature=original.literature,
        study=original.study,
        tests=original.tests,
    )
