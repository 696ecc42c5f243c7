"""A case's routing class (which waiting case is served first) and the skills it needs.

Priority order: tampering > serious adverse event > adverse event > recall > HCP/pharmacist
request > complaint > general, computed from the case's facts: its findings that are not
dismissed (flagged or confirmed) and their seriousness, its type, and its person's role.
Special situations (overdose, pregnancy exposure, medication error …) rank with adverse events:
they go to pharmacovigilance the same way.

When the facts change, the services that change them call `refresh_case_routing` explicitly,
in their own transaction, rather than through model signals (conventions: no hidden work in
save() or signals; `Finding` rows are bulk-created, which sends no signal anyway). The calls:

- `cases.services.lifecycle.create_case` — the first routing of a new case;
- `safety.services.intake.screen_interaction` — after a screening stored findings (every
  logged contact, corrections, the re-screening sweep and the E2B import pass through it);
- `safety.services.findings` — after a finding is confirmed, dismissed or added by a person.

No service changes a case's type or a person's role yet; the one that does must call
`refresh_case_routing` too. Cases routed by none of these (rows older than routing, direct
inserts) are picked up by `route_unrouted_cases`, run every minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import OPEN_STATUSES, Case, CaseType, TimelineKind
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.people.models import HCP_ROLES, Person
from caredesk.routing.models import AssignmentMode, Queue
from caredesk.routing.models_agents import (
    SAFETY_CLASSES,
    CaseRouting,
    RoutingClass,
    RoutingSettings,
)
from caredesk.routing.services.queues import safety_queue_for
from caredesk.safety.models import PV_KINDS, FindingKind, FindingStatus
from caredesk.safety.models import Finding as FindingRow

ROUTER_ACTOR = "system:router"
DEFAULT_LANGUAGE = "en"
# Classes whose cases an agent must be safety-trained to take (complaints included: a product
# complaint is a regulated record, and tampering or an AE may surface while handling it).
SAFETY_TRAINED_CLASSES = frozenset({*SAFETY_CLASSES, RoutingClass.COMPLAINT})


@dataclass(frozen=True)
class Finding:
    """One finding of the case that is not dismissed: its kind and whether it is serious."""

    kind: str
    serious: bool = False


@dataclass(frozen=True)
class RoutingFacts:
    """What the routing class and needs are computed from; nothing else is read."""

    case_type: str
    findings: tuple[Finding, ...] = ()
    person_role: str = ""
    person_language: str = ""
    default_language: str = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Routing:
    routing_class: RoutingClass
    needs_language: str = ""
    needs_safety_trained: bool = False
    needs_medical_information: bool = False


def classify(facts: RoutingFacts) -> RoutingClass:
    """The highest class the facts support (a pure function: the table-driven tests' target)."""
    kinds = {f.kind for f in facts.findings}
    if FindingKind.TAMPERING in kinds:
        return RoutingClass.TAMPERING
    if any(f.kind == FindingKind.ADVERSE_EVENT and f.serious for f in facts.findings):
        return RoutingClass.SERIOUS_ADVERSE_EVENT
    if kinds & PV_KINDS or facts.case_type == CaseType.ADVERSE_EVENT:
        return RoutingClass.ADVERSE_EVENT
    if facts.case_type == CaseType.RECALL_INQUIRY:
        return RoutingClass.RECALL
    if facts.person_role in HCP_ROLES:
        return RoutingClass.HCP_REQUEST
    if FindingKind.PRODUCT_COMPLAINT in kinds or facts.case_type == CaseType.PRODUCT_COMPLAINT:
        return RoutingClass.COMPLAINT
    return RoutingClass.GENERAL


def language_code(value: str) -> str:
    """`es-MX` → `es`: agents are skilled in languages, not regional variants."""
    return value.strip().lower().replace("_", "-").split("-")[0]


def route(facts: RoutingFacts) -> Routing:
    """The class and the skills an agent needs: the caller's language when it is not the
    program's default; safety training for tampering, AE and complaint classes or whenever an
    open safety or quality finding is on the case; medical information for HCP requests and
    medical information cases."""
    routing_class = classify(facts)
    language = language_code(facts.person_language)
    return Routing(
        routing_class=routing_class,
        needs_language=(
            language if language and language != language_code(facts.default_language) else ""
        ),
        needs_safety_trained=routing_class in SAFETY_TRAINED_CLASSES or bool(facts.findings),
        needs_medical_information=(
            routing_class == RoutingClass.HCP_REQUEST
            or facts.case_type == CaseType.MEDICAL_INFORMATION
        ),
    )


def facts_of(case: Case, *, new: bool = False) -> RoutingFacts:
    """The case's routing facts, read in at most three small queries (one for a new case whose
    person is loaded: it has no findings yet)."""
    rows: Any = []
    if not new:
        rows = (
            FindingRow.objects.filter(case_id=case.pk)
            .exclude(status=FindingStatus.DISMISSED)
            .values_list("kind", "seriousness")
        )
    role, language = _person_facts(case)
    default = (
        RoutingSettings.objects.filter(program_id=case.program_id)
        .values_list("default_language", flat=True)
        .first()
    )
    return RoutingFacts(
        case_type=case.case_type,
        findings=tuple(Finding(kind, bool(serious)) for kind, serious in rows),
        person_role=role,
        person_language=language,
        default_language=default or DEFAULT_LANGUAGE,
    )


def _person_facts(case: Case) -> tuple[str, str]:
    if case.person_id is None:
        return "", ""
    if Case.person.is_cached(case) and case.person is not None:  # type: ignore[attr-defined]
        return case.person.role, case.person.language
    found = Person.objects.filter(pk=case.person_id).values_list("role", "language").first()
    return found or ("", "")


def refresh_case_routing(case: Case, *, acting_user: Any = None, new: bool = False) -> CaseRouting:
    """Recompute the case's class and needs from its facts and store them when they changed.

    A case entering a safety class moves to the program's safety priority queue (when the
    program has one); a case in a push queue without an owner is offered to an available agent
    after commit. Call inside the transaction that changed the facts; `new=True` from the
    service that just created the case (no findings, no routing row yet: two queries saved).
    """
    computed = route(facts_of(case, new=new))
    current = None if new else CaseRouting.objects.filter(case_id=case.pk).first()
    values = {
        "routing_class": computed.routing_class,
        "needs_language": computed.needs_language,
        "needs_safety_trained": computed.needs_safety_trained,
        "needs_medical_information": computed.needs_medical_information,
    }
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return current
    now = timezone.now()
    # No savepoint: callers run this inside their own transaction (a failure fails their
    # change anyway), and a savepoint would cost two round trips on every routed case.
    with transaction.atomic(savepoint=False):
        fields = {**values, "program_id": case.program_id, "routed_at": now}
        if new:
            routing = CaseRouting.objects.create(case_id=case.pk, **fields)
        elif current is not None:
            CaseRouting.objects.filter(case_id=case.pk).update(**fields)
            routing = CaseRouting(case_id=case.pk, **fields)
        else:
            routing, _ = CaseRouting.objects.update_or_create(case_id=case.pk, defaults=fields)
        if current is not None and current.routing_class != computed.routing_class:
            before = RoutingClass(current.routing_class).label
            add_timeline_entry(
                case,
                TimelineKind.NOTE,
                f"Routing: {before} → {computed.routing_class.label}",
                data={"routing_class": [current.routing_class, int(computed.routing_class)]},
            )
        if computed.routing_class in SAFETY_CLASSES:
            _move_to_safety_queue(case, computed.routing_class, acting_user)
        push_after_commit(case)
    return routing


def _move_to_safety_queue(case: Case, routing_class: RoutingClass, acting_user: Any) -> None:
    queue = safety_queue_for(case.program_id)
    if queue is None or case.queue_id == queue.pk:
        return
    old_queue_id = case.queue_id
    case.queue = queue
    case.save(update_fields=["queue", "updated_at"])
    record_event(
        AuditAction.UPDATE,
        acting_user=None,
        actor_username=ROUTER_ACTOR,
        instance=case,
        changes={"queue": [old_queue_id, queue.pk]},
        reason=f"routed as {routing_class.label.lower()}",
    )
    add_timeline_entry(
        case,
        TimelineKind.ASSIGNMENT,
        f"Moved to {queue.name}: routed as {routing_class.label.lower()}",
        data={"queue": queue.pk, "routing_class": int(routing_class)},
    )


def push_after_commit(case: Case) -> None:
    """Offer the case to an available agent once committed, if its queue pushes cases."""
    if case.owner_id is not None or case.status not in OPEN_STATUSES or case.queue_id is None:
        return
    mode: str | None
    if Case.queue.is_cached(case) and case.queue is not None:  # type: ignore[attr-defined]
        mode = case.queue.assignment_mode
    else:
        found = Queue.objects.filter(pk=case.queue_id).values_list("assignment_mode", flat=True)
        mode = found.first()
    if mode != AssignmentMode.PUSH:
        return
    from caredesk.routing.tasks import push_case_task

    case_id = case.pk
    transaction.on_commit(lambda: push_case_task(case_id))


def route_unrouted_cases(limit: int = 500) -> int:
    """Route open cases that have no routing row yet (older rows, direct inserts)."""
    cases = list(
        Case.objects.system_scope()  # scoping: ok (system sweep over every program)
        .filter(status__in=OPEN_STATUSES, routing__isnull=True)
        .order_by("pk")[:limit]
    )
    for case in cases:
        with transaction.atomic():
            refresh_case_routing(case)
    return len(cases)


def routing_of(case: Case) -> CaseRouting:
    """The case's routing row (computed now, unsaved, when it has none yet)."""
    row = CaseRouting.objects.filter(case_id=case.pk).first()
    if row is not None:
        return row
    computed = route(facts_of(case))
    return CaseRouting(
        case=case,
        program_id=case.program_id,
        routing_class=computed.routing_class,
        needs_language=computed.needs_language,
        needs_safety_trained=computed.needs_safety_trained,
        needs_medical_information=computed.needs_medical_information,
    )
