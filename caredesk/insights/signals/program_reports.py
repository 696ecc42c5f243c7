"""A program's own confirmed safety cases as disproportionality input (report x product x event).

report = the safety case id; product = each suspect or interacting drug of the case (E2B G.k.1
roles 1 and 3), named by the catalogue product it is linked to, else as reported, else the
case's own product when it lists no drug; event = each reaction's coded term, at PT level (a
reaction coded to an LLT counts under its PT of the same release). Uncoded reactions are left
out: a verbatim is not a term, and counting verbatims would split one event into many.

Confirmed: the case met the four minimum criteria (`day_zero` set), is not linked as a
duplicate of another case, and was not closed as a draft that was never forwarded (every flag
dismissed: not an adverse event). Cases closed after pharmacovigilance took them stay in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import Q, QuerySet

from caredesk.insights.signals.disproportionality import PairCounts, count_pairs
from caredesk.insights.signals.reports_csv import rows_to_reports
from caredesk.safety.models import SafetyCase, SafetyCaseStatus
from caredesk.safety.models_detail import DrugRole, SafetyProduct, SafetyReaction
from caredesk.tenancy.models import Program
from caredesk.terminology.models import Term, TermLevel

SUSPECT_ROLES = (DrugRole.SUSPECT, DrugRole.INTERACTING)


def confirmed_cases(program: Program | int) -> QuerySet[SafetyCase]:
    """The program's confirmed safety cases (see the module docstring)."""
    program_id = program.pk if isinstance(program, Program) else program
    # scoping: ok (system code: one program's signal run, never a user request)
    return (
        SafetyCase.objects.system_scope()
        .filter(program_id=program_id, day_zero__isnull=False, duplicate_of__isnull=True)
        .exclude(Q(status=SafetyCaseStatus.CLOSED) & Q(forwarded_at__isnull=True))
    )


def _products(cases: QuerySet[SafetyCase]) -> dict[int, set[str]]:
    products: dict[int, set[str]] = defaultdict(set)
    # scoping: ok (the drugs of the cases above)
    drugs = SafetyProduct.objects.system_scope().filter(
        safety_case__in=cases.values("pk"), role__in=SUSPECT_ROLES
    )
    for case_id, catalogue, reported in drugs.values_list(
        "safety_case_id", "product__name", "name"
    ):
        name = (catalogue or reported or "").strip()
        if name:
            products[case_id].add(name)
    for case_id, catalogue in cases.filter(product__isnull=False).values_list(
        "pk", "product__name"
    ):
        if case_id not in products and catalogue.strip():
            products[case_id].add(catalogue.strip())
    return products


def _events(cases: QuerySet[SafetyCase]) -> dict[int, set[str]]:
    # scoping: ok (the reactions of the cases above)
    reactions = list(
        SafetyReaction.objects.system_scope()
        .filter(safety_case__in=cases.values("pk"))
        .exclude(coded_term="")
        .values_list(
            "safety_case_id", "coded_term", "term__level", "term__pt_code", "term__release"
        )
    )
    llt_pts = {(rel, pt) for _, _, level, pt, rel in reactions if level == TermLevel.LLT and pt}
    pt_names = {
        (rel, code): name
        for rel, code, name in Term.objects.filter(
            level=TermLevel.PT, code__in={pt for _, pt in llt_pts}
        ).values_list("release", "code", "term")
    }
    events: dict[int, set[str]] = defaultdict(set)
    for case_id, coded, level, pt, release in reactions:
        if level == TermLevel.LLT:
            coded = pt_names.get((release, pt), coded)
        events[case_id].add(coded.strip())
    return events


def program_reports(program: Program | int) -> Iterator[tuple[str, str, str]]:
    """(safety case id, product, PT) for each confirmed case, suspect product and coded event."""
    cases = confirmed_cases(program)
    products, events = _products(cases), _events(cases)
    for case_id in sorted(products.keys() & events.keys()):
        for product in sorted(products[case_id]):
            for event in sorted(events[case_id]):
                yield str(case_id), product, event


def program_pair_counts(program: Program | int) -> tuple[list[str], list[str], PairCounts]:
    """The program's 2x2 counts, ready for `disproportionality.score`: products, events, counts."""
    rows = rows_to_reports(program_reports(program))
    return rows.products, rows.events, count_pairs(rows)
