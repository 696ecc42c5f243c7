"""E2B(R3) sections D (patient), E.i (reactions) and G.k (drugs) of a safety case.

Split from `icsr_mapping` by section. Rows come in primary-key order so that the imported-case
overlay (`icsr_imported`) can pair them with the original file's items.
"""

from __future__ import annotations

import re
from decimal import Decimal

from caredesk.safety.e2b.codes import AgeGroup, DrugRole, NullFlavor, Sex
from caredesk.safety.e2b.model import (
    ActiveSubstance,
    CausalityAssessment,
    Dosage,
    Drug,
    DrugReactionRelation,
    Indication,
    MedDRACode,
    Patient,
    Quantity,
    Reaction,
    Seriousness,
)
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_detail import Causality, Route, SafetyProduct, SafetyReaction
from caredesk.tenancy.models import ProductType

LANGUAGES = {"en": "eng", "es": "spa", "fr": "fra", "de": "deu", "it": "ita", "pt": "por"}
FEMALE = re.compile(
    r"\b(she|her|woman|female|mother|mom|daughter|wife|girl|sister|grandmother|lady|f)\b", re.I
)
MALE = re.compile(
    r"\b(he|his|him|man|male|father|dad|son|husband|boy|brother|grandfather|m)\b", re.I
)
AGE = re.compile(r"\b(\d{1,3})\s*(?:-|\s)?\s*(?:years?|yrs?|y/?o|year-old|years-old)\b", re.I)
SERIOUSNESS_FIELDS = {
    "death": "death",
    "life_threatening": "life_threatening",
    "hospitalization": "hospitalisation",
    "disability": "disability",
    "congenital_anomaly": "congenital_anomaly",
    "medically_important": "other_medically_important",
}


def initials(person) -> str | None:
    """D.1 as initials: enough to tell patients apart without sending their name."""
    letters = "".join(part[0] for part in (person.first_name, person.last_name) if part)
    return letters.upper() or None


def _age_group(years: int) -> AgeGroup:
    if years < 2:
        return AgeGroup.INFANT
    if years < 12:
        return AgeGroup.CHILD
    if years < 18:
        return AgeGroup.ADOLESCENT
    return AgeGroup.ADULT if years < 65 else AgeGroup.ELDERLY


def patient_for(safety_case: SafetyCase) -> Patient:
    """D: initials and birth date of a known patient person; age and sex as described."""
    person = safety_case.patient_person
    text = " ".join(
        part for part in (safety_case.patient_description, safety_case.patient_evidence) if part
    )
    name: str | NullFlavor | None = initials(person) if person else None
    patient = Patient(
        name=name or NullFlavor.UNK,
        birth_date=person.date_of_birth if person else None,
    )
    age = AGE.search(text)
    if age and 0 < int(age.group(1)) < 130:
        patient.age = Quantity(Decimal(age.group(1)), "a")
        patient.age_group = _age_group(int(age.group(1)))
    female, male = bool(FEMALE.search(text)), bool(MALE.search(text))
    if female != male:
        patient.sex = Sex.FEMALE if female else Sex.MALE
    return patient


def seriousness_of(codes: list[str]) -> Seriousness:
    """E.i.3.2a-f from the case's ICH criteria codes."""
    flags = {SERIOUSNESS_FIELDS[c]: True for c in codes if c in SERIOUSNESS_FIELDS}
    return Seriousness(**flags)


def language_of(safety_case: SafetyCase) -> str:
    person = safety_case.reporter or safety_case.case.person
    return LANGUAGES.get((person.language if person else "en")[:2].lower(), "eng")


def meddra_version(label: str) -> str | None:
    """E.i.2.1a: the MedDRA version of the coding release label ("MedDRA 27.1" -> "27.1")."""
    label = label.strip()
    return label.split(" ", 1)[1] if label.lower().startswith("meddra ") else (label or None)


def reaction_rows(safety_case: SafetyCase) -> list[SafetyReaction]:
    return list(SafetyReaction.objects.filter(safety_case=safety_case).order_by("pk"))


def reactions_for(safety_case: SafetyCase) -> list[Reaction]:
    """E.i from the coded reactions; from the screened event terms while none was entered.

    Seriousness is held per case in CareDesk, so every reaction carries the case's criteria
    (the conservative reading)."""
    from caredesk.safety.services.icsr_mapping import country_of

    serious = seriousness_of(safety_case.seriousness or [])
    language, country = language_of(safety_case), country_of(safety_case)
    rows = reaction_rows(safety_case)
    if not rows:
        terms = safety_case.event_terms or safety_case.special_situations or []
        return [
            Reaction(
                verbatim=t,
                verbatim_language=language,
                seriousness=serious,
                outcome="0",
                country=country,
            )
            for t in terms
        ]
    return [
        Reaction(
            verbatim=r.verbatim,
            verbatim_language=language,
            meddra=MedDRACode(r.coded_code, meddra_version(r.coded_version))
            if r.coded_code
            else None,
            seriousness=serious,
            start=r.onset,
            end=r.end,
            outcome=r.outcome,
            country=country,
        )
        for r in rows
    ]


def drug_rows(safety_case: SafetyCase) -> list[SafetyProduct]:
    return list(SafetyProduct.objects.filter(safety_case=safety_case).order_by("pk"))


def _relations(row: SafetyProduct, reactions: list[Reaction]) -> list[DrugReactionRelation]:
    if row.causality == Causality.NOT_ASSESSED or row.role not in (
        DrugRole.SUSPECT,
        DrugRole.INTERACTING,
    ):
        return []
    result = Causality(row.causality).label
    return [
        DrugReactionRelation(
            reaction_id=reaction.id,
            assessments=[
                CausalityAssessment("PHARMACEUTICAL COMPANY", "Global Introspection", result)
            ],
        )
        for reaction in reactions
    ]


def drug_from_row(safety_case: SafetyCase, row: SafetyProduct, reactions: list[Reaction]) -> Drug:
    product = row.product
    dosage = Dosage(
        text=row.dose or None,
        lot_number=row.lot_number or (row.lot.number if row.lot is not None else None),
        route_text=Route(row.route).label if row.route else None,
        start=row.start,
        end=row.stop,
    )
    drug = Drug(
        role=row.role,
        product_name=row.name,
        dosages=[dosage] if any(vars(dosage).values()) else [],
        indications=[Indication(text=row.indication)] if row.indication else [],
        action_taken=row.action_taken,
        reactions=_relations(row, reactions),
    )
    if product is not None:
        _product_facts(safety_case, drug, product)
    return drug


def _product_facts(safety_case: SafetyCase, drug: Drug, product) -> None:
    """The program's own product: active substances, holder, device note (G.k.2.3, G.k.3.3)."""
    drug.substances = [
        ActiveSubstance(name.strip())
        for name in (product.active_ingredients or "").split(",")
        if name.strip()
    ]
    drug.holder = safety_case.program.client.name
    if product.product_type == ProductType.DEVICE:
        drug.additional_info = "Medical device"


def drugs_for(safety_case: SafetyCase, reactions: list[Reaction]) -> list[Drug]:
    """G.k from the case's drugs; the suspect product and lot while none was entered."""
    rows = drug_rows(safety_case)
    if rows:
        return [drug_from_row(safety_case, row, reactions) for row in rows]
    name = str(safety_case.product) if safety_case.product_id else safety_case.product_evidence
    if not name:
        return []
    drug = Drug(role=DrugRole.SUSPECT, product_name=name)
    if safety_case.lot is not None:
        drug.dosages = [Dosage(lot_number=safety_case.lot.number)]
    if safety_case.product_id:
        _product_facts(safety_case, drug, safety_case.product)
    return [drug]
