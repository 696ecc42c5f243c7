"""Process what a gateway delivered: partner ICSRs become safety cases, ACKs update submissions.

Each file is claimed (and so stored in the gateway's own folder) before it is read; its receipt
is written to the audit trail in its own transaction; it is then processed in one transaction,
so a file that fails leaves nothing half-imported. A failure is recorded in the audit trail and
the file is kept with its error for a person; it is never dropped. Re-delivered bytes already
processed for the program are recognised and change nothing. A system job: it names its bypass
of program scoping (`system_scope`) and audits as "system:gateway".
"""

from __future__ import annotations

import logging

from django.db import transaction
from lxml import etree

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.errors import CareDeskError
from caredesk.safety.e2b.reader import E2BParseError, parse_xml
from caredesk.safety.gateway.base import FileKind, Gateway, InboundFile, Outcome, Settled
from caredesk.tenancy.models import Program

logger = logging.getLogger(__name__)
ACTOR = "system:gateway"
FILE_MODEL = "safety.gatewayfile"  # audit label of a gateway file (object id: its SHA-256)
ROOTS = {"MCCI_IN200100UV01": FileKind.ICSR, "MCCI_IN200101UV01": FileKind.ACK}


class FileRefused(Exception):
    """The file cannot be processed as it is (the message says why)."""


def _audit(item: InboundFile, program_id: int | None, action: AuditAction, **kw) -> None:
    with transaction.atomic():
        record_event(
            action,
            acting_user=None,
            actor_username=ACTOR,
            model=FILE_MODEL,
            object_id=item.sha256,
            program_id=program_id,
            **kw,
        )


def classify(content: bytes) -> FileKind:
    try:
        root = parse_xml(content)
    except E2BParseError as exc:
        raise FileRefused(f"not well-formed XML: {exc}") from exc
    return ROOTS.get(etree.QName(root).localname, FileKind.UNKNOWN)


def _program(code: str) -> Program:
    program = Program.objects.system_scope().filter(code=code).first()
    if program is None:
        raise FileRefused(f"no program with code {code!r}: drop files in inbox/<program code>/")
    return program


def _import(program: Program, item: InboundFile) -> Settled:
    from caredesk.safety.services.e2b_import import import_icsr_file

    name = f"gateway/{item.program_code}/{item.filename}"
    imported = import_icsr_file(program, item.content, filename=name)
    if not imported:
        raise FileRefused("the batch holds no ICSR message")
    for result in imported:
        if result.created:
            record_event(
                AuditAction.UPDATE,
                acting_user=None,
                actor_username=ACTOR,
                instance=result.e2b_import,
                changes={"channel": [None, "gateway"], "gateway_file": [None, item.sha256]},
            )
    ids = [r.safety_case.pk for r in imported]
    new = sum(1 for r in imported if r.created)
    summary = f"{len(imported)} ICSR(s), {new} new safety case(s): {ids}"
    return Settled(Outcome.PROCESSED, FileKind.ICSR, summary, details={"safety_cases": ids})


def _ack(program: Program, item: InboundFile) -> Settled:
    from caredesk.safety.services.submission_acks import apply_program_ack

    outcome = apply_program_ack(program.pk, item.content)
    done = [f"{s.message_number}: {s.status}" for s in outcome.applied]
    again = [s.message_number for s in outcome.repeated]
    summary = "; ".join(done) or f"already applied to {', '.join(again)}"
    return Settled(
        Outcome.PROCESSED if done else Outcome.DUPLICATE,
        FileKind.ACK,
        summary,
        details={
            "applied": [s.pk for s in outcome.applied],
            "repeated": [s.pk for s in outcome.repeated],
        },
    )


def _process(program: Program, item: InboundFile) -> Settled:
    kind = classify(item.content)
    with transaction.atomic():
        if kind == FileKind.ICSR:
            return _import(program, item)
        if kind == FileKind.ACK:
            return _ack(program, item)
    raise FileRefused("neither an E2B(R3) ICSR batch nor an acknowledgement")


def receive_one(item: InboundFile) -> Settled:
    """Process one claimed file; never raises for a bad file (it is recorded as failed)."""
    if item.already is not None:
        return Settled(Outcome.DUPLICATE, summary=f"already {item.already}: nothing done")
    program = Program.objects.system_scope().filter(code=item.program_code).first()
    program_id = program.pk if program else None
    _audit(item, program_id, AuditAction.CREATE, changes={"filename": item.filename})
    try:
        result = _process(_program(item.program_code), item)
    except (FileRefused, CareDeskError, E2BParseError) as exc:
        result = Settled(Outcome.FAILED, error=getattr(exc, "message", None) or str(exc))
    except Exception as exc:  # a bad file must never stop the poller or be lost
        logger.exception("gateway file %s failed", item.filename)
        result = Settled(Outcome.FAILED, error=f"{type(exc).__name__}: {exc}")
    status = "failed" if result.outcome == Outcome.FAILED else "processed"
    _audit(
        item,
        program_id,
        AuditAction.UPDATE,
        changes={"status": ["received", status], "kind": str(result.kind)},
        reason=(result.error or result.summary)[:2000],
    )
    return result


def receive(gateway: Gateway) -> list[tuple[InboundFile, Settled]]:
    """Claim, process and settle everything the gateway holds now."""
    done = []
    for item in gateway.claim():
        result = receive_one(item)
        if result.outcome == Outcome.FAILED:
            logger.warning(
                "gateway file %s/%s failed: %s", item.program_code, item.filename, result.error
            )
        gateway.settle(item, result)
        done.append((item, result))
    return done
