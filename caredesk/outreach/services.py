"""Recording consent and answering "may we send this?" from the ledger.

Rules (docs/decisions/0009-consent-ledger-and-sms-opt-out.md):
- A channel-wide revocation (purpose `all`: an SMS STOP, an IVR opt-out) blocks every message on
  that channel to that address, safety and recall notices included, until a channel-wide grant
  (START) lifts it. Only the one confirmation of the opt-out goes out, and that is sent as the
  answer to the STOP itself, not through `may_send`. Safety and recall notices then go by
  another channel (a call by a person, a letter, email).
- Informational purposes (replies about the person's own inquiry, safety/recall notices) need
  no opt-in of their own; the opt-in purposes (marketing, adherence, surveys, research) need a
  grant for that purpose newer than any revocation of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from caredesk.audit.services import record_created
from caredesk.errors import InvalidInput
from caredesk.outreach.models import (
    INFORMATIONAL_PURPOSES,
    ConsentPurpose,
    ConsentRecord,
    ConsentSource,
)
from caredesk.people.models import Channel, ContactPoint, Person
from caredesk.people.services.contact_points import normalize_email, normalize_phone
from caredesk.tenancy.models import Program
from caredesk.tenancy.services import check_can_write

CONSENT_FIELDS = ["channel", "address", "purpose", "granted", "source", "evidence_ref", "person"]
PHONE_CHANNELS = frozenset({Channel.SMS, Channel.WHATSAPP, Channel.PHONE, Channel.FAX})


@dataclass(frozen=True)
class ConsentState:
    """Whether a message of one purpose may go to one address, and why."""

    allowed: bool
    reason: str
    opted_out: bool = False
    record: ConsentRecord | None = None


def normalize_address(program: Program, channel: str, address: str) -> str:
    """The ledger's form of a contact point: E.164 for phone channels, lower-case email."""
    if channel not in Channel.values:
        raise InvalidInput("Invalid consent", {"channel": f"{channel!r} is not a channel"})
    if channel in PHONE_CHANNELS:
        return normalize_phone(address.removeprefix("whatsapp:"), program.country)
    if channel == Channel.EMAIL:
        return normalize_email(address)
    return address.strip()[:320]


def _validate(purpose: str, source: str, address: str) -> None:
    errors: dict[str, str] = {}
    if purpose not in ConsentPurpose.values:
        errors["purpose"] = f"{purpose!r} is not one of {', '.join(ConsentPurpose.values)}"
    if source not in ConsentSource.values:
        errors["source"] = f"{source!r} is not one of {', '.join(ConsentSource.values)}"
    if not address:
        errors["address"] = "a phone number or email address is required"
    if errors:
        raise InvalidInput("Invalid consent", errors)


def record_consent(
    program: Program,
    *,
    channel: str,
    address: str,
    purpose: str,
    granted: bool,
    source: str,
    acting_user: Any,
    evidence: str = "",
    evidence_ref: str = "",
    person: Person | None = None,
    recorded_at: datetime | None = None,
) -> ConsentRecord:
    """Append a grant or revocation to the ledger, audited in the caller's transaction."""
    check_can_write(acting_user, program)
    value = normalize_address(program, channel, address) if address else ""
    _validate(purpose, source, value)
    if person is not None and person.program_id != program.pk:
        raise InvalidInput("Invalid consent", {"person": "not a person of this program"})
    record = ConsentRecord.objects.create(
        program=program,
        person=person,
        channel=channel,
        address=value,
        purpose=purpose,
        granted=granted,
        source=source,
        evidence=evidence[:5000],
        evidence_ref=evidence_ref[:300],
        recorded_at=recorded_at or timezone.now(),
        recorded_by=acting_user if getattr(acting_user, "pk", None) else None,
    )
    record_created(record, acting_user=acting_user, fields=CONSENT_FIELDS)
    return record


def _latest(program: Program | int, channel: str, address: str, purpose: str) -> Any:
    program_id = program.pk if isinstance(program, Program) else int(program)
    # scoping: ok (a system check on one program's ledger; callers hold that program already)
    rows = ConsentRecord.objects.system_scope().filter(
        program_id=program_id, channel=channel, address=address, purpose=purpose
    )
    return rows.order_by("-recorded_at", "-pk").first()


def consent_state(program: Program | int, channel: str, address: str, purpose: str) -> ConsentState:
    """The ledger's answer for one purpose on one channel to one address (already normalised)."""
    channel_wide = _latest(program, channel, address, ConsentPurpose.ALL)
    if channel_wide is not None and not channel_wide.granted:
        when = channel_wide.recorded_at.isoformat(timespec="seconds")
        return ConsentState(
            False, f"opted out on {when} ({channel_wide.get_source_display()})", True, channel_wide
        )
    if purpose == ConsentPurpose.ALL or purpose in INFORMATIONAL_PURPOSES:
        return ConsentState(True, "informational; not opted out", False, channel_wide)
    specific = _latest(program, channel, address, purpose)
    if specific is None:
        return ConsentState(False, f"no consent recorded for {purpose}")
    if not specific.granted:
        return ConsentState(False, f"consent for {purpose} was revoked", False, specific)
    return ConsentState(True, f"consent for {purpose} given", False, specific)


def may_send(program: Program | int, channel: str, address: str, purpose: str) -> ConsentState:
    """The outbound guard: every path that sends a message asks this first (and at send time)."""
    if purpose not in ConsentPurpose.values or purpose == ConsentPurpose.ALL:
        raise InvalidInput("Invalid purpose", {"purpose": f"{purpose!r} is not a message purpose"})
    return consent_state(program, channel, address, purpose)


def consents_of(person: Person) -> QuerySet[ConsentRecord]:
    """The ledger rows of a person: recorded against them, or against one of their contact
    points (a STOP from an unknown number is recorded before anyone knows who sent it)."""
    values = list(
        ContactPoint.objects.system_scope()
        .filter(person=person, program_id=person.program_id)
        .values_list("value", flat=True)
    )
    rows = ConsentRecord.objects.system_scope().filter(program_id=person.program_id)
    by_contact = rows.filter(address__in=values) if values else rows.none()
    return (rows.filter(person=person) | by_contact).order_by("-recorded_at", "-pk")
