"""Named personas shared by every test: two programs of two clients, and their people."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from caredesk.accounts.models import User
from caredesk.cases.models import Case
from caredesk.people.models import Person, PersonRole
from caredesk.tenancy.models import Lot, Product, Program, Role
from caredesk.testing import factories as f
from caredesk.testing.audit import django_db_setup  # noqa: F401  (audit triggers vs. teardown)

# browser and page (one Playwright per test module); smtp and imap_server (real servers)
pytest_plugins = [
    "caredesk.testing.browser",
    "caredesk.testing.smtp",
    "caredesk.testing.imap_server",
]


@dataclass
class World:
    program_a: Program
    program_b: Program
    product_a: Product
    lot_a: Lot
    product_b: Product
    agent_a: User
    agent_b: User
    supervisor_a: User
    safety_a: User
    auditor_a: User
    admin_a: User
    pharmacist_a: Person
    person_b: Person
    case_a: Case
    case_b: Case


@pytest.fixture
def world(db: None) -> World:
    program_a = f.ProgramFactory(code="relief-us", name="Relievium US")
    program_b = f.ProgramFactory(code="glucose-us", name="GlucoTrack US")
    product_a = f.ProductFactory(program=program_a, name="Relievium", strength="200 mg")
    lot_a = f.LotFactory(product=product_a, number="RLV2401A")
    product_b = f.ProductFactory(program=program_b, name="GlucoTrack", product_type="device")
    pharmacist = f.PersonFactory(
        program=program_a, first_name="Ana", last_name="Pharma", role=PersonRole.PHARMACIST
    )
    f.ContactPointFactory(person=pharmacist, kind="phone", value="+12025550143")
    f.ContactPointFactory(person=pharmacist, kind="email", value="ana@pharmacy.test")
    person_b = f.PersonFactory(program=program_b, first_name="Bea", last_name="Other")
    f.ContactPointFactory(person=person_b, kind="phone", value="+12025550199")
    return World(
        program_a=program_a,
        program_b=program_b,
        product_a=product_a,
        lot_a=lot_a,
        product_b=product_b,
        agent_a=f.member(program_a, Role.CARE_SPECIALIST, username="agent_a"),
        agent_b=f.member(program_b, Role.CARE_SPECIALIST, username="agent_b"),
        supervisor_a=f.member(program_a, Role.SUPERVISOR, username="supervisor_a"),
        safety_a=f.member(program_a, Role.SAFETY_SPECIALIST, username="safety_a"),
        auditor_a=f.member(program_a, Role.AUDITOR, username="auditor_a"),
        admin_a=f.member(program_a, Role.PROGRAM_ADMIN, username="admin_a"),
        pharmacist_a=pharmacist,
        person_b=person_b,
        case_a=f.CaseFactory(program=program_a, person=pharmacist, product=product_a, lot=lot_a),
        case_b=f.CaseFactory(program=program_b, person=person_b, product=product_b),
    )
