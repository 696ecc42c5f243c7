"""Loading the deterministic demo data set in bulk, with one audit event for the whole load.

The load bypasses the per-row services (and their per-row audit events) on purpose: writing
100,000 cases through `create_case` would take many minutes and flood the audit chain with
events no human made. This is a system-level bypass, so it says so: one `demo.dataset` CREATE
event records who loaded what, with the seed and the counts.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import transaction

from caredesk.accounts.models import User
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.demo.bulk import reset_sequences
from caredesk.demo.cases import CASE_MODELS, create_cases
from caredesk.demo.catalog import PROGRAMS, USERS
from caredesk.demo.persons import PERSON_MODELS, create_persons
from caredesk.demo.reference import LOTS_PER_PRODUCT, create_reference
from caredesk.demo.safety import screen_recent
from caredesk.demo.safety_history import load_history
from caredesk.demo.self_service import load_self_service
from caredesk.tenancy.models import Program

DEMO_AUDIT_MODEL = "demo.dataset"
DEFAULT_SEED = 2026
DEFAULT_PERSONS = 20_000
DEFAULT_CASES = 100_000


class DemoAlreadyLoaded(RuntimeError):
    """The demo's programs or users exist already: loading again would duplicate them."""


def default_as_of() -> datetime:
    """The start of the current hour (UTC): the demo's "now", so cases look recent."""
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


@dataclass
class DemoOptions:
    seed: int = DEFAULT_SEED
    persons: int = DEFAULT_PERSONS
    cases: int = DEFAULT_CASES
    as_of: datetime = field(default_factory=default_as_of)


def demo_conflicts() -> list[str]:
    """Demo program codes and usernames already in the database."""
    codes = [p.code for p in PROGRAMS]
    found = list(
        Program.objects.system_scope().filter(code__in=codes).values_list("code", flat=True)
    )
    users = [u.username for u in USERS]
    taken = User.objects.filter(username__in=users).values_list("username", flat=True)
    return sorted(found) + sorted(taken)


def database_has_programs() -> bool:
    return Program.objects.system_scope().exists()


def load_demo(
    options: DemoOptions, progress: Callable[[str], None] = lambda _msg: None
) -> Counter[str]:
    """Load the whole data set in one transaction; same seed and `as_of` give the same data."""
    if options.persons < 1 or options.cases < 0:
        raise ValueError("the demo needs at least one person and zero or more cases")
    conflicts = demo_conflicts()
    if conflicts:
        raise DemoAlreadyLoaded(
            "The demo data set is already loaded (found " + ", ".join(conflicts[:4]) + ")."
        )
    rng = random.Random(options.seed)
    with transaction.atomic():
        programs = create_reference(rng, options.as_of)
        progress(f"  reference data: {len(programs)} programs, users, queues, SLAs, lots")
        persons = create_persons(rng, programs, options.persons, progress)
        counts = create_cases(rng, programs, persons, options.cases, options.as_of, progress)
        counts.update(
            programs=len(programs),
            products=sum(len(p.products) for p in programs),
            lots=sum(len(p.products) for p in programs) * LOTS_PER_PRODUCT,
            organizations=sum(len(p.organizations) for p in programs),
            persons=sum(len(v) for v in persons.values()),
            users=len(USERS),
        )
        reset_sequences([*PERSON_MODELS, *CASE_MODELS])
        # After the sequences: the safety services it calls insert rows with generated keys.
        counts.update(screen_recent(options.as_of, rng, progress))
        counts.update(load_history(options.as_of, rng))
        progress(f"  safety history: {counts['submissions']} reports submitted")
        counts.update(load_self_service())
        progress(f"  self-service: {counts['knowledge_articles']} approved articles, web chat")
        _record_load(options, counts)
    return counts


def _record_load(options: DemoOptions, counts: Counter[str]) -> None:
    changes: dict[str, list[object]] = {name: [None, value] for name, value in counts.items()}
    changes["seed"] = [None, options.seed]
    changes["as_of"] = [None, options.as_of.isoformat()]
    record_event(
        AuditAction.CREATE,
        acting_user=None,
        actor_username="caredesk demo",
        model=DEMO_AUDIT_MODEL,
        object_id=f"seed-{options.seed}",
        changes=changes,
        reason="Demo data set bulk-loaded by `caredesk demo` (system bypass of per-row services)",
    )
