"""Creating or joining a candidate signal: from a method's alert or an agent's flag.

One open candidate per program x product x lot x event: a later alert, score or flag for the
same series joins it (new cases linked, its scores for that source refreshed) instead of
opening a second one. A run that finds nothing new writes nothing, so the daily job can run any
number of times. A closed candidate is not reopened by the alert it was reviewed on: a method
brings the series back only with something the reviewer did not see (`reviewed_already`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Case
from caredesk.errors import InvalidInput
from caredesk.insights.models import (
    OPEN_STATUSES,
    CandidateSignal,
    SignalCase,
    SignalSource,
)
from caredesk.tenancy.models import Lot, Product, Program
from caredesk.tenancy.services import check_can_write

CREATED_FIELDS = ["source", "product_name", "lot_number", "event", "first_alert_date", "method"]


@dataclass
class Finding:
    """What a method (or an agent) found for one series, and the cases behind it."""

    source: str
    product_name: str
    lot_number: str
    event: str
    first_alert_date: dt.date
    method: str
    scores: dict[str, Any]
    case_ids: list[int] = field(default_factory=list)
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.product_name, self.lot_number, self.event)


def open_candidate(program_id: int, key: tuple[str, str, str]) -> CandidateSignal | None:
    product_name, lot_number, event = key
    # scoping: ok (called with the program of the run or of the flagged case)
    return (
        CandidateSignal.objects.system_scope()
        .filter(
            program_id=program_id,
            product_name=product_name,
            lot_number=lot_number,
            event=event,
            status__in=OPEN_STATUSES,
        )
        .first()
    )


def _catalogue(program: Program, name: str, lot_number: str) -> tuple[Product | None, Lot | None]:
    product = Product.objects.filter(program=program, name=name).first()
    lot = None
    if product is not None and lot_number:
        lot = Lot.objects.filter(product=product, number=lot_number).first()
    return product, lot


def upsert_candidate(
    program: Program, found: Finding, *, acting_user: Any = None
) -> tuple[CandidateSignal, bool]:
    """Create the open candidate for `found`'s series, or join the one that is open.

    Returns (signal, changed): changed is False when nothing new was written."""
    with transaction.atomic():
        existing = open_candidate(program.pk, found.key)
        if existing is not None:
            return existing, _join(existing, found, acting_user)
        try:
            with transaction.atomic():
                signal = _create(program, found, acting_user)
        except IntegrityError:  # another worker opened it first: join theirs
            existing = open_candidate(program.pk, found.key)
            if existing is None:
                raise
            return existing, _join(existing, found, acting_user)
        _link(signal, found, acting_user)
        return signal, True


def _create(program: Program, found: Finding, acting_user: Any) -> CandidateSignal:
    now = timezone.now()
    product, lot = _catalogue(program, found.product_name, found.lot_number)
    signal = CandidateSignal.objects.create(
        program=program,
        source=found.source,
        product=product,
        product_name=found.product_name,
        lot=lot,
        lot_number=found.lot_number,
        event=found.event,
        first_alert_date=found.first_alert_date,
        method=found.method,
        scores={found.source: found.scores},
        opened_at=now,
        updated_at=now,
    )
    record_created(signal, acting_user=acting_user, fields=[*CREATED_FIELDS, "scores", "status"])
    return signal


def _join(signal: CandidateSignal, found: Finding, acting_user: Any) -> bool:
    """Refresh this source's scores and link new cases; False when nothing changed."""
    linked = _link(signal, found, acting_user)
    if signal.scores.get(found.source) == found.scores:
        return linked
    old = signal.scores.get(found.source)
    signal.scores = {**signal.scores, found.source: found.scores}
    signal.updated_at = timezone.now()
    signal.save(update_fields=["scores", "updated_at"])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=signal,
        changes={f"scores.{found.source}": [old, found.scores]},
        reason=f"{found.source} ({found.method}) found the series again",
    )
    return True


def _link(signal: CandidateSignal, found: Finding, acting_user: Any) -> bool:
    have = set(SignalCase.objects.filter(signal=signal).values_list("case_id", flat=True))
    wanted = [pk for pk in dict.fromkeys(found.case_ids) if pk not in have]
    # scoping: ok (only the signal's own program's cases are linked)
    cases = Case.objects.system_scope().filter(pk__in=wanted, program_id=signal.program_id)
    now = timezone.now()
    for case in cases.order_by("pk"):
        link = SignalCase.objects.create(
            program_id=signal.program_id,
            signal=signal,
            case=case,
            source=found.source,
            note=found.note[:500],
            linked_by=acting_user if getattr(acting_user, "pk", None) else None,
            linked_at=now,
        )
        record_created(link, acting_user=acting_user, fields=["signal", "case", "source", "note"])
    return bool(wanted)


def reviewed_already(program_id: int, found: Finding) -> bool:
    """A closed candidate of the series already covers this finding: a trend alert no later
    than its closing day, or scores from no more reports than it was closed on."""
    product_name, lot_number, event = found.key
    # scoping: ok (the run's own program)
    closed = CandidateSignal.objects.system_scope().filter(
        program_id=program_id, product_name=product_name, lot_number=lot_number, event=event
    )
    closed = closed.exclude(status__in=OPEN_STATUSES)
    for signal in closed:
        if signal.closed_at and found.first_alert_date <= signal.closed_at.date():
            return True
        seen = (signal.scores.get(found.source) or {}).get("N")
        if seen is not None and found.scores.get("N", 0) <= seen:
            return True
    return False


def flag_case(
    case: Case, *, acting_user: Any, note: str, event: str, product: Product | None = None
) -> CandidateSignal:
    """An agent's "I keep hearing this": the case joins (or opens) the open candidate of its
    product x lot x event, with the agent's note on the link."""
    check_can_write(acting_user, case.program_id)
    note, event = (note or "").strip(), (event or "").strip()
    errors = {}
    if not note:
        errors["note"] = "Say what you keep hearing"
    if not event:
        errors["event"] = "Name the event or complaint"
    product = product or case.product
    if product is None:
        errors["product"] = "Choose the product"
    elif product.program_id != case.program_id:
        errors["product"] = "No such product in this program"
    if errors or product is None:
        raise InvalidInput("The flag is incomplete", errors)
    lot = case.lot
    lot_number = lot.number if lot is not None and lot.product_id == product.pk else ""
    found = Finding(
        source=SignalSource.AGENT,
        product_name=product.name,
        lot_number=lot_number,
        event=event[:250],
        first_alert_date=timezone.localdate(),
        method="agent-flag",
        scores={},
        case_ids=[case.pk],
        note=note,
    )
    with transaction.atomic():
        signal, _ = upsert_candidate(case.program, found, acting_user=acting_user)
        flags = SignalCase.objects.filter(signal=signal, source=SignalSource.AGENT).count()
        found.scores = {"flags": flags}
        _join(signal, found, acting_user)
    return signal
