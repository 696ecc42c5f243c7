"""Demo persons with their contact points and, for HCPs, the organization they work at."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from caredesk.demo.bulk import IdAllocator, Row, insert_rows, instance_row
from caredesk.demo.reference import ProgramData
from caredesk.demo.tables import (
    CITIES,
    EMAIL_DOMAINS,
    FIRST_NAMES_EN,
    FIRST_NAMES_ES,
    LAST_NAMES_EN,
    LAST_NAMES_ES,
    STREET_NAMES,
)
from caredesk.people.models import (
    Affiliation,
    Channel,
    ContactPoint,
    OrganizationKind,
    Person,
    PersonRole,
)
from caredesk.people.services.persons import search_key

SPANISH_SHARE = 0.12
PERSON_MODELS = [Person, ContactPoint, Affiliation]
_CHANNEL_PREFERENCE: dict[str, int] = {
    Channel.PHONE: 40,
    Channel.EMAIL: 25,
    Channel.SMS: 12,
    Channel.WEBCHAT: 10,
    Channel.WHATSAPP: 8,
    Channel.MAIL: 3,
    Channel.FAX: 2,
}
_ORG_KIND_FOR_ROLE = {
    PersonRole.PHARMACIST: (OrganizationKind.PHARMACY,),
    PersonRole.PHYSICIAN: (OrganizationKind.CLINIC, OrganizationKind.HOSPITAL),
    PersonRole.NURSE: (OrganizationKind.CLINIC, OrganizationKind.HOSPITAL),
}


@dataclass
class DemoPerson:
    """What the case generator needs to know about a person it writes cases for."""

    person: Person
    organization_id: int | None


def split_counts(total: int, shares: list[int]) -> list[int]:
    """`total` split by `shares`, the remainder going to the first entries (deterministic)."""
    counts = [total * s // sum(shares) for s in shares]
    for index in range(total - sum(counts)):
        counts[index % len(counts)] += 1
    return counts


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _new_person(rng: random.Random, item: ProgramData, role: str) -> tuple[Person, tuple]:
    spanish = rng.random() < SPANISH_SHARE
    hispanic_name = spanish or rng.random() < 0.08
    first = rng.choice(FIRST_NAMES_ES if hispanic_name else FIRST_NAMES_EN)
    last = rng.choice(LAST_NAMES_ES if hispanic_name else LAST_NAMES_EN)
    if hispanic_name and rng.random() < 0.3:
        last = f"{last} {rng.choice(LAST_NAMES_ES)}"
    city = CITIES[rng.randrange(len(CITIES))]
    born = None
    if role in (PersonRole.PATIENT, PersonRole.CONSUMER) and rng.random() < 0.6:
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 66))
    person = Person(
        program=item.program,
        first_name=first,
        last_name=last,
        role=role,
        language="es" if spanish else "en",
        time_zone=city[3],
        preferred_channel=_weighted(rng, _CHANNEL_PREFERENCE),
        date_of_birth=born,
        search_name=search_key(first, last),
    )
    return person, city


def _contacts(rng: random.Random, person: Person, city: tuple, serial: int) -> list[Row]:
    name, state, zip3, _tz, area_codes = city
    points: list[tuple[str, str, str]] = []
    if rng.random() < 0.92:
        points.append(
            ("phone", f"+1{rng.choice(area_codes)}5550{rng.randrange(100, 200)}", "mobile")
        )
    if rng.random() < 0.15:
        points.append(("phone", f"+1{rng.choice(area_codes)}5550{rng.randrange(100, 200)}", "home"))
    if rng.random() < 0.7 or not points:
        local = _ascii(f"{person.first_name}.{person.last_name}").lower().replace(" ", "")
        domain = rng.choice(EMAIL_DOMAINS)
        points.append(("email", f"{local}{serial % 997}@{domain}", "personal"))
    if rng.random() < 0.5:
        unit = f", Apt {rng.randrange(1, 40)}" if rng.random() < 0.3 else ""
        street = f"{rng.randrange(1, 9999)} {rng.choice(STREET_NAMES)}{unit}"
        points.append(
            ("address", f"{street}, {name}, {state} {zip3}{rng.randrange(10, 99)}", "home")
        )
    return [
        {
            "person_id": person.pk,
            "program_id": person.program_id,
            "kind": kind,
            "value": value,
            "label": label,
            "is_primary": index == 0,
        }
        for index, (kind, value, label) in enumerate(points)
    ]


def create_persons(
    rng: random.Random,
    programs: list[ProgramData],
    total: int,
    progress: Callable[[str], None],
) -> dict[int, list[DemoPerson]]:
    """Persons per program id; the first persons of each program cover all its roles."""
    counts = split_counts(total, [item.spec.share for item in programs])
    out: dict[int, list[DemoPerson]] = {}
    ids = IdAllocator()
    serial = 0
    for item, count in zip(programs, counts, strict=True):
        roles = list(item.spec.roles)
        people: list[tuple[Person, tuple]] = []
        for index in range(count):
            role = roles[index] if index < len(roles) else _weighted(rng, item.spec.roles)
            people.append(_new_person(rng, item, role))
        for person, _city in people:
            person.pk = ids.next(Person)
        insert_rows(Person, (instance_row(p) for p, _ in people))
        points: list[Row] = []
        for person, city in people:
            serial += 1
            points.extend(_contacts(rng, person, city, serial))
        for point in points:
            point["id"] = ids.next(ContactPoint)
        insert_rows(ContactPoint, points)
        out[item.program.pk] = _affiliate(rng, item, [p for p, _ in people], ids)
        progress(f"  {item.program.code}: {count} persons, {len(points)} contact points")
    return out


def _affiliate(
    rng: random.Random, item: ProgramData, persons: list[Person], ids: IdAllocator
) -> list[DemoPerson]:
    by_kind: dict[str, list[int]] = {}
    for org in item.organizations:
        by_kind.setdefault(org.kind, []).append(org.pk)
    links: list[Row] = []
    result: list[DemoPerson] = []
    for person in persons:
        org_id = None
        kinds = _ORG_KIND_FOR_ROLE.get(PersonRole(person.role))
        if kinds:
            org_id = rng.choice(by_kind[rng.choice(kinds)])
            links.append(
                {
                    "id": ids.next(Affiliation),
                    "person_id": person.pk,
                    "organization_id": org_id,
                    "title": person.get_role_display(),
                }
            )
        result.append(DemoPerson(person=person, organization_id=org_id))
    insert_rows(Affiliation, links)
    return result
