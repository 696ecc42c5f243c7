"""Planning one demo case in memory: its type, person, product, lot, status, owner and clocks.

Pure and driven by one seeded `random.Random`, so the same seed and `as_of` give the same plan;
`caredesk.demo.contacts` adds the interactions and `caredesk.demo.cases` writes it all in bulk.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from caredesk.accounts.models import User
from caredesk.cases.models import (
    Case,
    CaseStatus,
    CaseType,
    Priority,
    SlaState,
)
from caredesk.demo.bulk import Row
from caredesk.demo.persons import DemoPerson
from caredesk.demo.reference import ProgramData
from caredesk.demo.texts import INBOUND, Template, subject_for
from caredesk.people.models import HCP_ROLES, Channel
from caredesk.routing.services.sla import SlaClockRules, closed_dates_for, rules_for
from caredesk.routing.services.sla_state import ClockStatus, evaluate_sla
from caredesk.tenancy.models import Lot, Product, Role

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
MINUTES_PER_YEAR = 365 * 24 * 60
LOT_SHARE: dict[str, float] = {
    CaseType.ADVERSE_EVENT: 0.8,
    CaseType.PRODUCT_COMPLAINT: 0.95,
    CaseType.RECALL_INQUIRY: 1.0,
}
QUEUE_FOR_TYPE: dict[str, str] = {
    CaseType.GENERAL_INQUIRY: "general",
    CaseType.ORDER_ACCESS: "general",
    CaseType.ADVERSE_EVENT: "safety",
    CaseType.PRODUCT_COMPLAINT: "quality",
    CaseType.MEDICAL_INFORMATION: "medinfo",
    CaseType.RECALL_INQUIRY: "recall",
}
SPECIALIST_FOR_TYPE: dict[str, tuple[str, float]] = {
    CaseType.ADVERSE_EVENT: (Role.SAFETY_SPECIALIST, 0.4),
    CaseType.PRODUCT_COMPLAINT: (Role.QUALITY_SPECIALIST, 0.4),
    CaseType.MEDICAL_INFORMATION: (Role.MEDICAL_INFORMATION, 0.7),
    CaseType.RECALL_INQUIRY: (Role.RECALL_COORDINATOR, 0.3),
}
# Status weights by case age: (upper bound in hours, {status: weight}).
STATUS_BY_AGE: tuple[tuple[float, dict[str, int]], ...] = (
    (2, {CaseStatus.NEW: 60, CaseStatus.OPEN: 40}),
    (
        72,
        {
            "new": 10,
            "open": 45,
            "pending_customer": 15,
            "escalated": 5,
            "resolved": 15,
            "closed": 10,
        },
    ),
    (21 * 24, {"open": 15, "pending_customer": 15, "escalated": 3, "resolved": 17, "closed": 50}),
    (float("inf"), {"resolved": 3, "closed": 97}),
)


@dataclass
class CasePlan:
    """A case and everything hanging off it, not yet saved."""

    case: Case
    person: DemoPerson
    template: Template
    lang: str
    channel: str = ""
    sla_clock: ClockStatus | None = None
    interactions: list[Row] = field(default_factory=list)
    requests: list[Row] = field(default_factory=list)
    timeline: list[Row] = field(default_factory=list)


class ProgramCases:
    """One program's pools, prepared once so that planning a case is cheap."""

    def __init__(self, item: ProgramData, persons: list[DemoPerson], as_of: datetime) -> None:
        self.item = item
        self.as_of = as_of
        self.tz = ZoneInfo(item.program.time_zone)
        self.persons = persons
        self.hcps = [p for p in persons if p.person.role in HCP_ROLES] or persons
        self.case_types = list(item.spec.case_types)
        self.type_weights = list(item.spec.case_types.values())
        self.product_type = item.spec.products[0].product_type
        self.templates = {
            (case_type, lang): [
                t for t in INBOUND[case_type] if t.lang == lang and self.product_type in t.products
            ]
            for case_type in CaseType.values
            for lang in ("en", "es")
        }
        users = item.users_by_role
        self.agents: list[User] = users.get(Role.CARE_SPECIALIST, [])
        self.spanish_agents = [u for u in self.agents if "es" in u.languages] or self.agents
        closed = closed_dates_for(item.program)
        self.rules: dict[str, SlaClockRules] = {
            case_type: rules_for(item.program, policy, closed)
            for case_type, policy in item.slas.items()
        }

    def owner_pool(self, case_type: str, rng: random.Random, spanish: bool) -> list[User]:
        role, share = SPECIALIST_FOR_TYPE.get(case_type, (None, 0.0))
        specialists = self.item.users_by_role.get(role or "", [])
        if specialists and rng.random() < share:
            return specialists
        return self.spanish_agents if spanish and rng.random() < 0.8 else self.agents


def new_reference(rng: random.Random, taken: set[str]) -> str:
    while True:
        ref = "CD-" + "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(7))
        if ref not in taken:
            taken.add(ref)
            return ref


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _status_for_age(rng: random.Random, age: timedelta) -> str:
    hours = age.total_seconds() / 3600
    for bound, weights in STATUS_BY_AGE:
        if hours < bound:
            return weighted(rng, weights)
    raise AssertionError("unreachable")


def _priority(case_type: str, topics: tuple[str, ...], rng: random.Random) -> int:
    if case_type == CaseType.ADVERSE_EVENT:
        return Priority.CRITICAL if "serious" in topics else Priority.HIGH
    if case_type == CaseType.PRODUCT_COMPLAINT:
        return Priority.HIGH if "tampering" in topics else Priority.ELEVATED
    if case_type == CaseType.RECALL_INQUIRY:
        return Priority.ELEVATED
    return Priority.LOW if rng.random() < 0.1 else Priority.NORMAL


def _choose_person(pc: ProgramCases, case_type: str, rng: random.Random) -> DemoPerson:
    if case_type == CaseType.MEDICAL_INFORMATION and rng.random() < 0.8:
        return rng.choice(pc.hcps)
    return rng.choice(pc.persons)


def _choose_template(
    pc: ProgramCases, case_type: str, language: str, rng: random.Random
) -> tuple[Template, str]:
    if language == "es" and rng.random() < 0.7 and pc.templates[(case_type, "es")]:
        return rng.choice(pc.templates[(case_type, "es")]), "es"
    return rng.choice(pc.templates[(case_type, "en")]), "en"


def _product_and_lot(
    pc: ProgramCases, case_type: str, template: Template, rng: random.Random
) -> tuple[Product, Lot | None]:
    products = pc.item.products
    if template.hint:
        products = [p for p in products if template.hint in p.name] or products
    product = rng.choice(products)
    lot = None
    if rng.random() < LOT_SHARE.get(case_type, 0.2):
        lot = rng.choice(pc.item.lots[product.pk])
    return product, lot


def plan_case(
    pc: ProgramCases,
    rng: random.Random,
    reference: str,
    case_id: int,
    case_type: str | None = None,
) -> CasePlan:
    """Plan the case itself; interactions, requests and timeline are added by `contacts`."""
    case_type = case_type or rng.choices(pc.case_types, weights=pc.type_weights)[0]
    who = _choose_person(pc, case_type, rng)
    template, lang = _choose_template(pc, case_type, who.person.language, rng)
    product, lot = _product_and_lot(pc, case_type, template, rng)
    age = timedelta(minutes=int((rng.random() ** 1.3) * MINUTES_PER_YEAR))
    opened_at = pc.as_of - age
    status = _status_for_age(rng, age)
    spanish = who.person.language == "es"
    queue_code = "spanish" if spanish and QUEUE_FOR_TYPE[case_type] == "general" else None
    owner = None
    if status != CaseStatus.NEW or rng.random() < 0.5:
        owner = rng.choice(pc.owner_pool(case_type, rng, spanish))
    sla, rules = pc.item.slas[case_type], pc.rules[case_type]
    case = Case(
        pk=case_id,
        program=pc.item.program,
        reference=reference,
        subject=subject_for(template, product.name),
        case_type=case_type,
        status=status,
        priority=_priority(case_type, template.topics, rng),
        person=who.person,
        organization_id=who.organization_id,
        owner=owner,
        queue=pc.item.queues[queue_code or QUEUE_FOR_TYPE[case_type]],
        product=product,
        lot=lot,
        topics=list(template.topics),
        opened_at=opened_at,
        first_response_due=rules.add(opened_at, timedelta(minutes=sla.first_response_minutes)),
        resolution_due=rules.add(opened_at, timedelta(minutes=sla.resolution_minutes)),
        created_by=owner,
    )
    return CasePlan(case=case, person=who, template=template, lang=lang)


def settle_sla(plan: CasePlan, pc: ProgramCases) -> None:
    """Set the SLA state the routing sweep would have left by `as_of` (its own evaluator)."""
    case = plan.case
    evaluation = evaluate_sla(case, pc.as_of, pc.rules[case.case_type])
    case.sla_state = evaluation.state
    clock = evaluation.deciding_clock
    if clock is not None and evaluation.state == SlaState.WARNING:
        case.sla_warning_at = clock.warn_at
    if clock is not None and evaluation.state == SlaState.BREACHED:
        case.sla_breached_at = clock.due
    if evaluation.state in (SlaState.WARNING, SlaState.BREACHED):
        plan.sla_clock = clock


def first_channel(rng: random.Random, who: DemoPerson) -> str:
    """The channel a person opens a case on: usually their preferred one."""
    if who.person.preferred_channel and rng.random() < 0.5:
        return who.person.preferred_channel
    hcp = who.person.role in HCP_ROLES
    weights = CHANNELS_HCP if hcp else CHANNELS_CONSUMER
    return weighted(rng, weights)


CHANNELS_CONSUMER: dict[str, int] = {
    Channel.PHONE: 38,
    Channel.EMAIL: 18,
    Channel.WEBCHAT: 16,
    Channel.SMS: 9,
    Channel.WHATSAPP: 7,
    Channel.MAIL: 3,
    Channel.VIDEO: 3,
    Channel.IN_PERSON: 4,
    Channel.FAX: 1,
}
CHANNELS_HCP: dict[str, int] = {
    Channel.PHONE: 45,
    Channel.FAX: 15,
    Channel.EMAIL: 20,
    Channel.WEBCHAT: 5,
    Channel.VIDEO: 5,
    Channel.IN_PERSON: 5,
    Channel.MAIL: 3,
    Channel.SMS: 1,
    Channel.WHATSAPP: 1,
}
