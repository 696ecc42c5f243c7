"""Who sent an inbound message, and which case it belongs on, within its program.

In order: a case reference (given, or found in the subject or text) names the case and its
person; a chat or call session continues the case its earlier messages landed on; a phone or
email names the person whose contact point it is, if exactly one person of the program has it.
A known person's most recent open case takes the message; otherwise a new case is opened, and
an unknown sender becomes a new person with that phone or email, so the next message finds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from caredesk.cases.models import OPEN_STATUSES, Case, CaseType
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.people.models import ContactKind, ContactPoint, Person
from caredesk.people.services.persons import PersonInput, create_person

REFERENCE_IN_TEXT = re.compile(r"\bCD-[0-9A-Z]{7}\b")


@dataclass
class Match:
    person: Person | None
    case: Case | None


def _reference(row: InboundMessage) -> str:
    if row.reference:
        return row.reference
    found = REFERENCE_IN_TEXT.search(f"{row.subject}\n{row.body[:2000]}")
    return found.group(0) if found else ""


def _by_reference(row: InboundMessage) -> Match | None:
    reference = _reference(row)
    if not reference:
        return None
    case = (
        Case.objects.system_scope()
        .filter(program_id=row.program_id, reference=reference)
        .select_related("person")
        .first()
    )
    if case is None:
        return None
    return Match(case.person, case if case.is_open else None)


def _by_session(row: InboundMessage) -> Match | None:
    if not row.session_id:
        return None
    earlier = (
        InboundMessage.objects.system_scope()
        .filter(
            program_id=row.program_id,
            channel=row.channel,
            session_id=row.session_id,
            status=InboxStatus.PROCESSED,
        )
        .exclude(pk=row.pk)
        .select_related("case", "person")
        .order_by("-received_at", "-pk")
        .first()
    )
    if earlier is None or earlier.case is None:
        return None
    return Match(earlier.person, earlier.case if earlier.case.is_open else None)


def _person_by_contact(row: InboundMessage) -> Person | None:
    for kind, value in ((ContactKind.PHONE, row.from_phone), (ContactKind.EMAIL, row.from_address)):
        if not value:
            continue
        person_ids = set(
            ContactPoint.objects.system_scope()
            .filter(program_id=row.program_id, kind=kind, value=value)
            .values_list("person_id", flat=True)[:2]
        )
        if len(person_ids) == 1:
            return Person.objects.system_scope().get(pk=person_ids.pop())
    return None


def _open_case_of(person: Person) -> Case | None:
    return (
        Case.objects.system_scope()
        .filter(person=person, status__in=list(OPEN_STATUSES))
        .order_by("-opened_at", "-pk")
        .first()
    )


def _new_person(row: InboundMessage, acting_user: Any) -> Person | None:
    """A person for an unknown phone or email (a session or reference alone names nobody)."""
    if not (row.from_phone or row.from_address):
        return None
    first, _, last = row.from_name.strip().rpartition(" ")
    if not (first or last):
        last = row.from_phone or row.from_address
    data = PersonInput(
        first_name=first[:100],
        last_name=last[:100],
        preferred_channel=row.channel,
        phones=[row.from_phone] if row.from_phone else [],
        emails=[row.from_address] if row.from_address else [],
    )
    return create_person(row.program, data, acting_user=acting_user)


def _subject(row: InboundMessage) -> str:
    text = row.subject.strip() or " ".join(row.body.split())[:80]
    return text or f"{row.get_channel_display()} message"


def match_or_open_case(row: InboundMessage, *, acting_user: Any) -> Match:
    """The person and open case a message belongs on, opening what is missing."""
    found = _by_reference(row) or _by_session(row)
    person = found.person if found and found.person else _person_by_contact(row)
    if person is None:
        person = _new_person(row, acting_user)
    case = found.case if found else None
    if case is None and person is not None:
        case = _open_case_of(person)
    if case is None:
        data = CaseInput(
            subject=_subject(row),
            case_type=CaseType.GENERAL_INQUIRY,
            person=person,
            opened_at=row.received_at,
            channel=row.channel,
        )
        case = create_case(row.program, data, acting_user=acting_user)
    return Match(person, case)
