"""A program's confirmed safety cases give disproportionality rows: case x suspect product x PT.

Left out: incomplete cases, cases linked as duplicates, drafts closed without being forwarded,
other programs' cases, concomitant drugs and uncoded reactions. An LLT counts under its PT.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from caredesk.insights.signals.program_reports import program_pair_counts, program_reports
from caredesk.safety.models import SafetyCase, SafetyCaseStatus
from caredesk.safety.models_detail import DrugRole, SafetyProduct, SafetyReaction
from caredesk.terminology.models import Term, TerminologyRelease, TermLevel
from caredesk.testing import factories as f

NOW = timezone.now()


def _case(world: Any, program: Any = None, **fields: Any) -> SafetyCase:
    program = program or world.program_a
    case: Any = f.CaseFactory(program=program, person=f.PersonFactory(program=program))
    values = {"day_zero": NOW, "jurisdiction": "US", "first_received_at": NOW}
    values.update(fields)
    return SafetyCase.objects.create(
        program=program, case=case, forward_due=NOW, created_at=NOW, **values
    )


def _drug(safety_case: SafetyCase, role: str = DrugRole.SUSPECT, **fields: Any) -> None:
    SafetyProduct.objects.create(safety_case=safety_case, role=role, created_at=NOW, **fields)


def _reaction(safety_case: SafetyCase, coded: str = "", term: Term | None = None) -> None:
    SafetyReaction.objects.create(
        safety_case=safety_case,
        verbatim=coded or "felt odd",
        coded_term=coded,
        term=term,
        created_at=NOW,
    )


def test_rows_of_confirmed_cases_only(world: Any) -> None:
    release = TerminologyRelease.objects.create(name="open list", version="1", loaded_at=NOW)
    Term.objects.create(release=release, code="10019211", term="Headache", level=TermLevel.PT)
    llt = Term.objects.create(
        release=release,
        code="10019213",
        term="Head pain",
        level=TermLevel.LLT,
        pt_code="10019211",
    )
    valid = _case(world)
    _drug(valid, product=world.product_a, name="relievium 200")
    _drug(valid, role=DrugRole.CONCOMITANT, name="Aspirin")
    _reaction(valid, "Head pain", llt)
    _reaction(valid, "Nausea")
    _reaction(valid)  # uncoded
    forwarded_then_closed = _case(world, status=SafetyCaseStatus.CLOSED, forwarded_at=NOW)
    _drug(forwarded_then_closed, role=DrugRole.INTERACTING, name="Relievium Night")
    _reaction(forwarded_then_closed, "Dizziness")
    no_drug_rows = _case(world, product=world.product_a)
    _reaction(no_drug_rows, "Rash")

    duplicate = _case(world, duplicate_of=valid)
    incomplete = _case(world, day_zero=None, status=SafetyCaseStatus.INCOMPLETE)
    withdrawn = _case(world, status=SafetyCaseStatus.CLOSED)
    other_program = _case(world, program=world.program_b)
    for left_out in (duplicate, incomplete, withdrawn, other_program):
        _drug(left_out, name="Relievium")
        _reaction(left_out, "Nausea")

    assert list(program_reports(world.program_a)) == [
        (str(valid.pk), "Relievium", "Headache"),
        (str(valid.pk), "Relievium", "Nausea"),
        (str(forwarded_then_closed.pk), "Relievium Night", "Dizziness"),
        (str(no_drug_rows.pk), "Relievium", "Rash"),
    ]
    products, _, counts = program_pair_counts(world.program_a)
    assert counts.reports == 3
    relievium = products.index("Relievium")
    assert int(counts.n_product[list(counts.product).index(relievium)]) == 2


def test_a_program_without_cases_has_no_rows(world: Any) -> None:
    assert list(program_reports(world.program_b.pk)) == []
    assert len(program_pair_counts(world.program_b)[2].n) == 0
