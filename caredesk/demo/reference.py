"""The demo's reference data: clients, programs, products, lots, queues, SLAs, users, orgs.

Written straight through the models (a documented system-level bypass of the per-row
services: the loader records one audit event for the whole data set instead).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.auth.hashers import make_password

from caredesk.accounts.models import User
from caredesk.channels.email.models import EmailRoute
from caredesk.demo.catalog import (
    CLIENTS,
    DEMO_PASSWORD,
    PROGRAMS,
    QUEUES,
    SLAS,
    USERS,
    ProgramSpec,
)
from caredesk.demo.tables import (
    CITIES,
    CLINIC_NAMES,
    DISTRIBUTOR_NAMES,
    HOSPITAL_NAMES,
    PHARMACY_NAMES,
    STREET_NAMES,
)
from caredesk.people.models import Organization, OrganizationKind
from caredesk.routing.models import Queue, SlaPolicy
from caredesk.routing.models_agents import AgentSkills
from caredesk.safety.models import SenderProfile
from caredesk.tenancy.models import (
    Client,
    Lot,
    Membership,
    Product,
    Program,
    ProgramClosure,
    Role,
)

LOTS_PER_PRODUCT = 6


@dataclass
class ProgramData:
    """One program's reference rows, as the person and case generators need them."""

    spec: ProgramSpec
    program: Program
    products: list[Product] = field(default_factory=list)
    lots: dict[int, list[Lot]] = field(default_factory=dict)  # product pk -> lots
    queues: dict[str, Queue] = field(default_factory=dict)
    slas: dict[str, SlaPolicy] = field(default_factory=dict)
    organizations: list[Organization] = field(default_factory=list)
    users_by_role: dict[str, list[User]] = field(default_factory=dict)


def create_reference(rng: random.Random, as_of: datetime) -> list[ProgramData]:
    clients = {name: Client.objects.create(name=name) for name in CLIENTS}
    data = []
    for spec in PROGRAMS:
        program = Program.objects.create(
            client=clients[spec.client],
            code=spec.code,
            name=spec.name,
            country="US",
            time_zone=spec.time_zone,
            holiday_calendar="US",
        )
        item = ProgramData(spec=spec, program=program)
        _closures(item, as_of)
        _products_and_lots(item, rng, as_of.date())
        _queues_and_slas(item)
        _organizations(item, rng)
        _sender_profile(item)
        data.append(item)
    _users(data)
    for item in data:
        _email_route(item)
        _agent_skills(item, as_of)
    return data


def _agent_skills(item: ProgramData, as_of: datetime) -> None:
    """Every care specialist certified for live contacts a month ago, with their languages; the
    first of each program safety-trained, so the safety queue has someone to serve it."""
    for index, agent in enumerate(item.users_by_role.get(Role.CARE_SPECIALIST, [])):
        AgentSkills.objects.create(
            user=agent,
            program=item.program,
            languages=[code.strip() for code in agent.languages.split(",") if code.strip()],
            safety_trained=index == 0,
            medical_information=False,
            certified_at=as_of - timedelta(days=30),
        )


def _email_route(item: ProgramData) -> None:
    """The program's inbound address: mail to it on `caredesk email serve` (port 2525 under
    `make run`) lands on its cases, received in the name of its first care specialist."""
    agents = item.users_by_role.get(Role.CARE_SPECIALIST, [])
    if agents:
        EmailRoute.objects.create(
            program=item.program,
            address=f"care@{item.program.code}.example.com",
            received_by=agents[0],
            from_name=f"{item.program.name} Care",
        )


def _sender_profile(item: ProgramData) -> None:
    """Who the program's E2B(R3) reports come from, so every demo safety case exports."""
    company = item.spec.client.split()[0].upper()
    SenderProfile.objects.create(
        program=item.program,
        sender_identifier=f"{company}PV",
        organisation=item.spec.client.replace(" (demo)", ""),
        company_code=company,
        department="Global Pharmacovigilance",
        title="Dr.",
        given_name="Dana",
        family_name="Whitfield",
        street="100 Harbor Way",
        city="Boston",
        state="MA",
        postcode="02110",
        country="US",
        telephone="+16175550100",
        fax="+16175550101",
        email="pv@example.com",
    )


def _closures(item: ProgramData, as_of: datetime) -> None:
    for month_day, reason in item.spec.closures:
        month, day = (int(x) for x in month_day.split("-"))
        for year in (as_of.year - 1, as_of.year):
            ProgramClosure.objects.create(
                program=item.program, date=date(year, month, day), reason=reason
            )


def _products_and_lots(item: ProgramData, rng: random.Random, today: date) -> None:
    for spec in item.spec.products:
        product = Product.objects.create(
            program=item.program,
            name=spec.name,
            product_type=spec.product_type,
            strength=spec.strength,
            ndc=spec.ndc,
            gtin=spec.gtin,
            udi_di=spec.udi_di,
            sku=spec.sku,
            active_ingredients=spec.ingredients,
        )
        lots = []
        serial = rng.randrange(100000, 200000)
        for index in range(LOTS_PER_PRODUCT):
            made = today - timedelta(days=30 + 75 * (LOTS_PER_PRODUCT - index))
            units = rng.randrange(20, 400) * 1000
            lot = Lot(
                product=product,
                number=f"{spec.lot_prefix}{made:%y%m}{'ABCDEFGH'[index]}",
                expiry=made + timedelta(days=730 if spec.product_type != "device" else 1095),
                units_distributed=units if not spec.serialised else units // 50,
            )
            if spec.serialised:
                count = lot.units_distributed
                lot.serial_from, lot.serial_to = f"GT{serial:08d}", f"GT{serial + count - 1:08d}"
                serial += count
            lots.append(lot)
        Lot.objects.bulk_create(lots)
        item.products.append(product)
        item.lots[product.pk] = list(Lot.objects.filter(product=product).order_by("number"))


def _queues_and_slas(item: ProgramData) -> None:
    for code, name, case_types, skills, is_default in QUEUES:
        item.queues[code] = Queue.objects.create(
            program=item.program,
            code=code,
            name=name,
            case_types=list(case_types),
            skills=list(skills),
            is_default=is_default,
            is_safety_priority=code == "safety",
        )
    for case_type, (first, resolution, business) in SLAS.items():
        item.slas[case_type] = SlaPolicy.objects.create(
            program=item.program,
            case_type=case_type,
            first_response_minutes=first,
            resolution_minutes=resolution,
            business_hours_only=business,
        )


def _organizations(item: ProgramData, rng: random.Random) -> None:
    kinds = (
        (OrganizationKind.PHARMACY, PHARMACY_NAMES, 24),
        (OrganizationKind.CLINIC, CLINIC_NAMES, 10),
        (OrganizationKind.HOSPITAL, HOSPITAL_NAMES, 4),
        (OrganizationKind.DISTRIBUTOR, DISTRIBUTOR_NAMES, 2),
    )
    orgs = []
    for kind, names, count in kinds:
        for index in range(count):
            city, state, zip3, _tz, area_codes = CITIES[rng.randrange(len(CITIES))]
            base = names[index % len(names)]
            orgs.append(
                Organization(
                    program=item.program,
                    name=f"{base} #{100 + index}" if kind == "pharmacy" else f"{base} {city}",
                    kind=kind,
                    phone=f"+1{rng.choice(area_codes)}5550{rng.randrange(100, 200):03d}",
                    address=f"{rng.randrange(10, 9999)} {rng.choice(STREET_NAMES)}, {city}, "
                    f"{state} {zip3}{rng.randrange(10, 99)}",
                )
            )
    Organization.objects.bulk_create(orgs)
    item.organizations = list(Organization.objects.filter(program=item.program).order_by("id"))


def _users(data: list[ProgramData]) -> None:
    by_code = {item.program.code: item for item in data}
    # One Argon2 hash per user would cost ~1 s in all; every demo user shares the documented
    # password anyway, so hashing it once per user buys nothing but time.
    hashed = make_password(DEMO_PASSWORD)
    for spec in USERS:
        first, _, last = spec.display_name.replace("Dr. ", "").partition(" ")
        user = User.objects.create(
            username=spec.username,
            display_name=spec.display_name,
            first_name=first,
            last_name=last.split(",")[0],
            email=f"{spec.username}@caredesk.example.com",
            languages=spec.languages,
            password=hashed,
        )
        for code in spec.programs:
            Membership.objects.create(user=user, program=by_code[code].program, role=spec.role)
            by_code[code].users_by_role.setdefault(spec.role, []).append(user)
