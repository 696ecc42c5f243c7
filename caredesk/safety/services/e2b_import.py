"""Partner and licensee reports arriving as E2B(R3) ICSR files become safety cases.

Each ICSR of a file gives one customer-care Case (type adverse event) with the reporter (and a
patient identified by initials) as Persons, one inbound Interaction holding the report's
summary (screened like any contact), and one SafetyCase whose four criteria come from the
file, with its reactions (E.i) and drugs (G.k). The original XML is kept (`E2BImport`) so a
re-export keeps what CareDesk has no column for. Importing the same file twice into a program
creates nothing new.

This is a system job (operator command or gateway), not a user's request: it reads and writes
through the named bypass `system_scope()` and audits as "system:import-e2b".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Case, CaseType, Direction, Interaction
from caredesk.routing.services.queues import queue_for
from caredesk.routing.services.sla import compute_due
from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import ICSRMessage
from caredesk.safety.e2b.reader import parse_icsr_xml
from caredesk.safety.models import (
    PV_KINDS,
    Criterion,
    Finding,
    FindingStatus,
    SafetyCase,
)
from caredesk.safety.models_submission import E2BImport
from caredesk.safety.services.catalog import resolve_lot, resolve_product
from caredesk.safety.services.clocks import forward_deadline, jurisdiction_for, refresh_reports
from caredesk.safety.services.e2b_import_parts import (
    create_details,
    patient_summary,
    persons_for,
    seriousness_codes,
    summary_text,
)
from caredesk.safety.services.intake import screen_interaction
from caredesk.safety.services.safety_cases import refresh_validity, set_criterion
from caredesk.tenancy.models import ProductType, Program

IMPORT_ACTOR = "system:import-e2b"


@dataclass(frozen=True)
class ImportedCase:
    safety_case: SafetyCase
    e2b_import: E2BImport
    created: bool


def _audit(instance: Any, changes: dict[str, Any]) -> None:
    record_event(
        AuditAction.CREATE,
        acting_user=None,
        actor_username=IMPORT_ACTOR,
        instance=instance,
        changes=changes,
    )


def received_at(program: Program, message: ICSRMessage) -> datetime:
    """When the company (the partner, acting for it) first held the report: C.1.4, at the
    start of that day in the program's time zone; now when the file gives no usable date."""
    value = message.case.first_received
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=ZoneInfo(program.time_zone))
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=ZoneInfo(program.time_zone))
    return timezone.now()


def _case(program: Program, message: ICSRMessage, reporter, product, lot) -> Case:
    from caredesk.cases.services.lifecycle import new_reference

    opened = timezone.now()
    due = compute_due(program, CaseType.ADVERSE_EVENT, opened)
    case = Case.objects.create(
        program=program,
        reference=new_reference(),
        subject=f"E2B(R3) ICSR {message.case.safety_report_id}"[:300],
        case_type=CaseType.ADVERSE_EVENT,
        person=reporter,
        product=product,
        lot=lot,
        queue=queue_for(program, CaseType.ADVERSE_EVENT),
        opened_at=opened,
        first_response_due=due.first_response_due,
        resolution_due=due.resolution_due,
    )
    _audit(case, {"reference": [None, case.reference], "source": [None, "E2B(R3) import"]})
    return case


def _interaction(case: Case, message: ICSRMessage, at: datetime) -> Interaction:
    interaction = Interaction.objects.create(
        program_id=case.program_id,
        case=case,
        person=case.person,
        channel="email",
        direction=Direction.INBOUND,
        occurred_at=at,
        received_at=at,
        subject=case.subject,
        body=summary_text(message),
    )
    _audit(interaction, {"case": [None, case.pk], "received_at": [None, at.isoformat()]})
    return interaction


def _screen(interaction: Interaction, safety_case: SafetyCase) -> None:
    """Screen like any contact; the report's own AEs are confirmed by the import itself."""
    screen_interaction(interaction)
    now = timezone.now()
    for finding in Finding.objects.filter(interaction=interaction, kind__in=PV_KINDS):
        finding.status = FindingStatus.CONFIRMED
        finding.decided_at = now
        finding.note = "Confirmed by the E2B(R3) import (the report states it)"
        finding.safety_case = safety_case
        finding.save(update_fields=["status", "decided_at", "note", "safety_case"])
        record_event(
            AuditAction.UPDATE,
            acting_user=None,
            actor_username=IMPORT_ACTOR,
            instance=finding,
            changes={"status": [FindingStatus.FLAGGED, FindingStatus.CONFIRMED]},
        )


def _criteria(sc: SafetyCase, message: ICSRMessage, source: Interaction, product) -> None:
    patient = patient_summary(message.patient)
    if patient:
        set_criterion(sc, Criterion.PATIENT, patient, source)
        sc.patient_description = patient[:300]
    sources = message.primary_sources
    if sources:
        reporter = sources[0]
        who = " ".join(
            str(p)
            for p in (reporter.given_name, reporter.family_name, reporter.organisation)
            if p and not isinstance(p, NullFlavor)
        )
        set_criterion(
            sc, Criterion.REPORTER, who or f"qualification {reporter.qualification}", source
        )
    suspects = [d.product_name for d in message.drugs if str(d.role) in ("1", "3", "None")]
    if suspects or product is not None:
        set_criterion(sc, Criterion.PRODUCT, ", ".join(suspects) or str(product), source)
    terms = [r.verbatim or r.translation or "" for r in message.reactions]
    if any(terms):
        set_criterion(sc, Criterion.EVENT, "; ".join(t for t in terms if t), source)
    sc.event_terms = [t.lower() for t in terms if t]


def _safety_case(case: Case, message: ICSRMessage, source: Interaction, persons) -> SafetyCase:
    program = case.program
    codes = seriousness_codes(message)
    sc = SafetyCase(
        program=program,
        case=case,
        reporter=persons.reporter,
        patient_person=persons.patient,
        product=case.product,
        lot=case.lot,
        product_type=case.product.product_type if case.product else ProductType.RX_DRUG,
        jurisdiction=jurisdiction_for(program.country),
        seriousness=codes,
        serious=bool(codes),
        narrative=message.narrative.case_narrative or "",
        first_received_at=source.received_at,
        forward_due=forward_deadline(program, source.received_at),
        created_at=timezone.now(),
    )
    _criteria(sc, message, source, case.product)
    refresh_validity(sc)
    sc.save()
    _audit(sc, {"status": [None, sc.status], "day_zero": [None, str(sc.day_zero)]})
    return sc


def import_message(
    program: Program, message: ICSRMessage, *, filename: str, xml: bytes, index: int
) -> ImportedCase:
    """One ICSR of a file as a safety case (or the one it already became)."""
    digest = hashlib.sha256(xml).hexdigest()
    existing = (
        E2BImport.objects.system_scope()
        .filter(program=program, sha256=digest, message_index=index)
        .select_related("safety_case")
        .first()
    )
    if existing is not None:
        return ImportedCase(existing.safety_case, existing, created=False)
    names = [d.product_name for d in message.drugs if d.product_name]
    product = resolve_product(program.pk, names)
    lot = resolve_lot(program.pk, [n for d in message.drugs for n in d.lot_numbers], product)
    with transaction.atomic():
        persons = persons_for(program, message, audit=_audit)
        case = _case(program, message, persons.reporter, product, lot)
        interaction = _interaction(case, message, received_at(program, message))
        sc = _safety_case(case, message, interaction, persons)
        mapping = create_details(sc, message)
        record = E2BImport.objects.create(
            program=program,
            safety_case=sc,
            case=case,
            interaction=interaction,
            filename=filename[:255],
            message_index=index,
            sha256=digest,
            xml=xml.decode("utf-8", errors="replace"),
            safety_report_id=message.case.safety_report_id or "",
            worldwide_case_id=message.case.worldwide_case_id or "",
            sender_organisation=message.sender.organisation or "",
            source=mapping,
            imported_at=timezone.now(),
            imported_by=IMPORT_ACTOR,
        )
        _audit(record, {"safety_report_id": [None, record.safety_report_id]})
        _screen(interaction, sc)
        refresh_reports(sc)
    return ImportedCase(sc, record, created=True)


def import_icsr_file(program: Program, xml: bytes, *, filename: str) -> list[ImportedCase]:
    """Every ICSR of one E2B(R3) batch file (raises E2BParseError when it is not one)."""
    messages = parse_icsr_xml(xml)
    return [
        import_message(program, message, filename=filename, xml=xml, index=index)
        for index, message in enumerate(messages)
    ]
