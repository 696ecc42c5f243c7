"""A small planted complaint stream for the signal-review tests: eight months of background
complaints of one product over two lots, then a burst of distinct reporters about foreign
matter in a new lot (the trend engine raises it), and one person calling five times about the
appearance of lot L1 (one reporter: never a signal). Written with bulk inserts (test data)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from caredesk.cases.models import Case, CaseType, Direction, Interaction
from caredesk.people.models import Channel, Person
from caredesk.quality.models import Complaint
from caredesk.tenancy.models import Lot, Product, Program
from caredesk.testing import factories as f

START = dt.date(2026, 1, 1)
DAYS = 240
BURST_DAY = 220
BURST_LOT = "L3"
BURST_EVENT = "foreign_matter"


@dataclass
class Planted:
    product: Product
    burst_lot: Lot
    burst_cases: list[int]
    last_day: dt.date


def _rows(rnd: random.Random) -> list[tuple[int, str, str, str]]:
    """(day index, lot, category, reporter) rows."""
    rows, k = [], 0
    for i in range(DAYS):
        for _ in range(rnd.choice([0, 1, 1, 2])):
            k += 1
            rows.append((i, rnd.choice(["L1", "L2"]), "packaging", f"r{k}"))
        if i % 20 == 0:
            k += 1
            rows.append((i, rnd.choice(["L1", "L2"]), BURST_EVENT, f"r{k}"))
        if BURST_DAY <= i < BURST_DAY + 3:
            for _ in range(3):
                k += 1
                rows.append((i, BURST_LOT, BURST_EVENT, f"r{k}"))
            rows.extend((i, "L1", "appearance", "same-person") for _ in range(2))
    return rows


def plant(program: Program, product: Product | None = None) -> Planted:
    product = product or f.ProductFactory(program=program, name="Planted")
    lots = {n: f.LotFactory(product=product, number=n) for n in ("L1", "L2", BURST_LOT)}
    rows = _rows(random.Random(7))
    reporters = sorted({r for _, _, _, r in rows})
    persons = Person.objects.bulk_create(
        Person(program=program, first_name=r, last_name="Caller") for r in reporters
    )
    person_of = dict(zip(reporters, persons, strict=True))
    zone = ZoneInfo(program.time_zone)
    when = [dt.datetime.combine(START + dt.timedelta(days=i), dt.time(12), zone) for i, *_ in rows]
    cases = Case.objects.bulk_create(
        Case(
            program=program,
            reference=f"CD-P{program.pk}{n:05d}",
            subject="complaint",
            case_type=CaseType.PRODUCT_COMPLAINT,
            person=person_of[r],
            product=product,
            lot=lots[lot],
            opened_at=when[n],
        )
        for n, (_, lot, _, r) in enumerate(rows)
    )
    interactions = Interaction.objects.bulk_create(
        Interaction(
            program=program,
            case=case,
            person=case.person,
            channel=Channel.PHONE,
            direction=Direction.INBOUND,
            occurred_at=case.opened_at,
            received_at=case.opened_at,
        )
        for case in cases
    )
    Complaint.objects.bulk_create(
        Complaint(
            program=program,
            case=case,
            interaction=interaction,
            received_at=when[n],
            complainant=case.person,
            product=product,
            lot=lots[rows[n][1]],
            categories=[rows[n][2]],
            nature="reported",
            created_at=when[n],
        )
        for n, (case, interaction) in enumerate(zip(cases, interactions, strict=True))
    )
    burst = [c.pk for c, row in zip(cases, rows, strict=True) if row[1] == BURST_LOT]
    return Planted(product, lots[BURST_LOT], burst, START + dt.timedelta(days=DAYS - 1))
