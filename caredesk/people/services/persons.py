"""Creating and changing persons and organizations, each change audited in its transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from zoneinfo import available_timezones

from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.errors import InvalidInput, NotFound
from caredesk.people.models import (
    Affiliation,
    Channel,
    ContactKind,
    ContactPoint,
    Organization,
    OrganizationKind,
    Person,
    PersonRole,
)
from caredesk.people.services.contact_points import normalize_contact
from caredesk.tenancy.models import Program
from caredesk.tenancy.services import check_can_write

PERSON_FIELDS = [
    "first_name",
    "last_name",
    "role",
    "language",
    "time_zone",
    "preferred_channel",
    "date_of_birth",
]


@dataclass
class PersonInput:
    first_name: str = ""
    last_name: str = ""
    role: str = PersonRole.CONSUMER
    language: str = "en"
    time_zone: str = ""
    preferred_channel: str = ""
    date_of_birth: date | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)


def search_key(first_name: str, last_name: str) -> str:
    return f"{first_name} {last_name}".strip().lower()


def _validate_person(data: PersonInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not (data.first_name.strip() or data.last_name.strip()):
        errors["last_name"] = "a person needs a first or last name"
    if data.role not in PersonRole.values:
        errors["role"] = f"{data.role!r} is not one of {', '.join(PersonRole.values)}"
    if data.preferred_channel and data.preferred_channel not in Channel.values:
        errors["preferred_channel"] = f"{data.preferred_channel!r} is not a channel"
    if data.time_zone and data.time_zone not in available_timezones():
        errors["time_zone"] = f"{data.time_zone!r} is not an IANA time zone"
    if not 2 <= len(data.language) <= 8:
        errors["language"] = "use an ISO 639-1 code such as en or es"
    return errors


def _normalized_contacts(data: PersonInput, region: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    errors: dict[str, str] = {}
    for kind, values, name in (
        (ContactKind.PHONE, data.phones, "phones"),
        (ContactKind.EMAIL, data.emails, "emails"),
        (ContactKind.ADDRESS, data.addresses, "addresses"),
    ):
        for raw in values:
            try:
                out.append((kind, normalize_contact(kind, raw, region)))
            except InvalidInput as exc:
                errors[name] = exc.fields.get("value", exc.message)
    if errors:
        raise InvalidInput("Invalid contact details", errors)
    return out


def create_person(program: Program, data: PersonInput, *, acting_user: Any) -> Person:
    """Validate everything first, then write the person and contact points in one transaction."""
    check_can_write(acting_user, program)
    errors = _validate_person(data)
    if errors:
        raise InvalidInput("Invalid person", errors)
    contacts = _normalized_contacts(data, program.country)
    with transaction.atomic():
        values = {name: getattr(data, name) for name in PERSON_FIELDS}
        person = Person.objects.create(
            program=program, search_name=search_key(data.first_name, data.last_name), **values
        )
        record_created(person, acting_user=acting_user, fields=PERSON_FIELDS)
        for index, (kind, value) in enumerate(contacts):
            _add_contact(person, kind, value, is_primary=index == 0, acting_user=acting_user)
    return person


def _add_contact(
    person: Person,
    kind: str,
    value: str,
    *,
    is_primary: bool,
    acting_user: Any,
    label: str = "",
) -> ContactPoint:
    point = ContactPoint.objects.create(
        person=person,
        program_id=person.program_id,
        kind=kind,
        value=value,
        is_primary=is_primary,
        label=label.strip()[:40],
    )
    record_created(point, acting_user=acting_user, fields=["person", "kind", "value", "label"])
    return point


def add_contact_point(
    person: Person, kind: str, raw: str, *, acting_user: Any, label: str = ""
) -> ContactPoint:
    check_can_write(acting_user, person.program_id)
    value = normalize_contact(kind, raw, person.program.country)
    with transaction.atomic():
        exists = ContactPoint.objects.filter(person=person, kind=kind, value=value).first()
        if exists:
            return exists
        return _add_contact(
            person, kind, value, is_primary=False, acting_user=acting_user, label=label
        )


def update_person(
    person: Person, changes: dict[str, Any], *, acting_user: Any, reason: str = ""
) -> Person:
    check_can_write(acting_user, person.program_id)
    unknown = set(changes) - set(PERSON_FIELDS)
    if unknown:
        raise InvalidInput("Unknown fields", {name: "cannot be changed" for name in unknown})
    before = snapshot(person, PERSON_FIELDS)
    merged = PersonInput(**{**before, **changes})
    errors = _validate_person(merged)
    if errors:
        raise InvalidInput("Invalid person", errors)
    with transaction.atomic():
        for name, value in changes.items():
            setattr(person, name, value)
        person.search_name = search_key(person.first_name, person.last_name)
        person.save()
        delta = diff(before, snapshot(person, PERSON_FIELDS))
        if delta:
            record_event(
                AuditAction.UPDATE,
                acting_user=acting_user,
                instance=person,
                changes=delta,
                reason=reason,
            )
        if "role" in delta:
            # Who is asking sets the routing class and the SLA policy of their open cases.
            from caredesk.routing.services.reclassify import person_role_changed

            person_role_changed(person, acting_user=acting_user)
    return person


def create_organization(
    program: Program, *, name: str, kind: str, acting_user: Any, phone: str = "", address: str = ""
) -> Organization:
    check_can_write(acting_user, program)
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = "an organization needs a name"
    if kind not in OrganizationKind.values:
        errors["kind"] = f"{kind!r} is not one of {', '.join(OrganizationKind.values)}"
    if errors:
        raise InvalidInput("Invalid organization", errors)
    phone_value = normalize_contact(ContactKind.PHONE, phone, program.country) if phone else ""
    with transaction.atomic():
        org = Organization.objects.create(
            program=program, name=name.strip(), kind=kind, phone=phone_value, address=address
        )
        record_created(org, acting_user=acting_user, fields=["name", "kind", "phone", "address"])
    return org


def affiliate(
    person: Person, organization: Organization, *, acting_user: Any, title: str = ""
) -> Affiliation:
    check_can_write(acting_user, person.program_id)
    if organization.program_id != person.program_id:
        raise NotFound("Organization not found")
    with transaction.atomic():
        link, created = Affiliation.objects.get_or_create(
            person=person,
            organization=organization,
            defaults={"title": title, "created_by": acting_user},
        )
        if created:
            record_created(
                link, acting_user=acting_user, fields=["person", "organization", "title"]
            )
    return link
