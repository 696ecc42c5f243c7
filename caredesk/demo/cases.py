"""Writing the demo cases in chunks: plan a few thousand in memory, then insert them in bulk."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from caredesk.cases.models import Case, CaseRequest, CaseType, Interaction, TimelineEntry
from caredesk.demo.bulk import IdAllocator, insert_rows, instance_row
from caredesk.demo.casegen import CasePlan, ProgramCases, new_reference, plan_case
from caredesk.demo.contacts import add_interactions, add_requests, add_timeline, close_out
from caredesk.demo.persons import DemoPerson
from caredesk.demo.reference import ProgramData
from caredesk.people.models import Channel

CHUNK = 5000
CASE_MODELS = [Case, Interaction, CaseRequest, TimelineEntry]


class CaseGenerator:
    """Plans case number i; the first few cover every program, case type and channel."""

    def __init__(
        self,
        rng: random.Random,
        programs: list[ProgramData],
        persons: dict[int, list[DemoPerson]],
        as_of: datetime,
    ) -> None:
        self.rng = rng
        self.ids = IdAllocator()
        self.contexts = [ProgramCases(item, persons[item.program.pk], as_of) for item in programs]
        self.weights = [item.spec.share for item in programs]
        self.taken: set[str] = set()
        self.case_types = list(CaseType.values)
        self.channels = list(Channel.values)

    def plan(self, index: int) -> CasePlan:
        rng, ids = self.rng, self.ids
        forced_type = None
        if index < len(self.contexts) * len(self.case_types):
            pc = self.contexts[index % len(self.contexts)]
            forced_type = self.case_types[index % len(self.case_types)]
        else:
            pc = rng.choices(self.contexts, weights=self.weights)[0]
        channel = self.channels[index] if index < len(self.channels) else None
        reference = new_reference(rng, self.taken)
        plan = plan_case(pc, rng, reference, ids.next(Case), forced_type)
        add_interactions(plan, pc, rng, ids, channel)
        close_out(plan, pc, rng)
        add_requests(plan, rng, ids)
        add_timeline(plan, pc, ids)
        return plan


def write_plans(plans: list[CasePlan]) -> Counter[str]:
    """Insert a chunk: cases first, then the rows that point at them."""
    counts: Counter[str] = Counter()
    counts["cases"] = insert_rows(Case, (instance_row(p.case) for p in plans))
    counts["interactions"] = insert_rows(Interaction, (i for p in plans for i in p.interactions))
    counts["case_requests"] = insert_rows(CaseRequest, (r for p in plans for r in p.requests))
    counts["timeline_entries"] = insert_rows(TimelineEntry, (t for p in plans for t in p.timeline))
    return counts


def create_cases(
    rng: random.Random,
    programs: list[ProgramData],
    persons: dict[int, list[DemoPerson]],
    total: int,
    as_of: datetime,
    progress: Callable[[str], None],
) -> Counter[str]:
    generator = CaseGenerator(rng, programs, persons, as_of)
    counts: Counter[str] = Counter()
    done = 0
    while done < total:
        size = min(CHUNK, total - done)
        plans = [generator.plan(done + offset) for offset in range(size)]
        counts += write_plans(plans)
        done += size
        if done % 20_000 == 0 or done == total:
            progress(f"  cases: {done}/{total} ({counts['interactions']} interactions)")
    return counts
