"""E2B(R3) reader, section G (drugs) with G.k.1 roles and G.k.9.i relatedness."""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

from caredesk.safety.e2b.model import (
    ActiveSubstance,
    CausalityAssessment,
    Dosage,
    Drug,
    DrugReactionRelation,
    Indication,
)
from caredesk.safety.e2b.reader_patient import (
    attr,
    boolean,
    by_code,
    first,
    meddra,
    organizers,
    text,
)
from caredesk.safety.e2b.xmlutil import NS, OID_AUTH_NUMBER, XSI_TYPE, parse_ts, quantity

El: TypeAlias = etree._Element


def pq_of(el: El | None):
    """Quantity from a PQ element."""
    return None if el is None else quantity(el.get("value"), el.get("unit"))


def read_drugs(role: El, assessment: El | None) -> list[Drug]:
    """G.k all drugs, then G.k.1 roles and G.k.9.i.2.r assessments from the assessment."""
    drugs = []
    for org in organizers(role, "4"):
        for adm in org.xpath("h:component/h:substanceAdministration", namespaces=NS):
            drugs.append(read_drug(adm))
    if assessment is not None:
        read_causality(assessment, {d.id: d for d in drugs})
    return drugs


def read_drug(adm: El) -> Drug:
    """G.k one drug."""
    kind = first(adm, "h:consumable/h:instanceOfKind/h:kindOfProduct")
    code = first(kind, "h:code")
    approval = first(kind, "h:asManufacturedProduct/h:subjectOf/h:approval")
    drug = Drug(
        id=attr(adm, "h:id", "root") or "",
        role="",
        product_name=text(kind, "h:name") or "",
        product_code=None if code is None else code.get("code"),
        product_code_system=None if code is None else code.get("codeSystem"),
        product_code_version=None if code is None else code.get("codeSystemVersion"),
        authorisation_number=attr(approval, f"h:id[@root='{OID_AUTH_NUMBER}']", "extension"),
        authorisation_country=attr(approval, "h:author//h:territory/h:code", "code"),
        holder=text(approval, "h:holder/h:role/h:playingOrganization/h:name"),
        country_obtained=text(
            adm, "h:consumable/h:instanceOfKind/h:subjectOf/h:productEvent//h:addr/h:country"
        ),
    )
    for ingredient in [] if kind is None else kind.xpath("h:ingredient", namespaces=NS):
        substance = first(ingredient, "h:ingredientSubstance")
        drug.substances.append(
            ActiveSubstance(
                name=text(substance, "h:name") or "",
                termid=attr(substance, "h:code", "code"),
                termid_version=attr(substance, "h:code", "codeSystemVersion"),
                strength=pq_of(first(ingredient, "h:quantity/h:numerator")),
            )
        )
    for dose in adm.xpath(
        "h:outboundRelationship2[@typeCode='COMP']/h:substanceAdministration", namespaces=NS
    ):
        drug.dosages.append(read_dosage(dose))
    read_drug_facts(adm, drug)
    return drug


def read_dosage(dose: El) -> Dosage:
    """G.k.4.r one dosage line (plain IVL_TS/PIVL_TS or SXPR_TS components)."""
    eff = first(dose, "h:effectiveTime")
    comps = [] if eff is None else ([eff, *eff.xpath("h:comp", namespaces=NS)])
    dosage = Dosage(text=text(dose, "h:text"))
    for comp in comps:
        period, width = first(comp, "h:period"), first(comp, "h:width")
        if period is not None:
            dosage.frequency = pq_of(period)
        if width is not None:
            dosage.duration = pq_of(width)
        if first(comp, "h:low") is not None:
            dosage.start = parse_ts(attr(comp, "h:low", "value"))
        if first(comp, "h:high") is not None:
            dosage.end = parse_ts(attr(comp, "h:high", "value"))
    route = first(dose, "h:routeCode")
    if route is not None:
        dosage.route_code = route.get("code")
        dosage.route_code_version = route.get("codeSystemVersion")
        dosage.route_text = text(route, "h:originalText")
    dosage.dose = pq_of(first(dose, "h:doseQuantity"))
    inst = first(dose, "h:consumable/h:instanceOfKind")
    dosage.lot_number = text(inst, "h:productInstanceInstance/h:lotNumberText")
    dosage.dose_form = text(inst, "h:kindOfProduct/h:formCode/h:originalText")
    return dosage


def relation_for(drug: Drug, reaction_id: str) -> DrugReactionRelation:
    """The drug's G.k.9.i entry for a reaction, created on first use."""
    for relation in drug.reactions:
        if relation.reaction_id == reaction_id:
            return relation
    relation = DrugReactionRelation(reaction_id=reaction_id)
    drug.reactions.append(relation)
    return relation


def read_drug_facts(adm: El, drug: Drug) -> None:
    """G.k.2.5, G.k.5, G.k.7.r, G.k.8, G.k.9.i.3/4, G.k.11."""
    for rel in adm.xpath("h:outboundRelationship1", namespaces=NS):
        reaction_id = attr(rel, "h:actReference/h:id", "root") or ""
        relation = relation_for(drug, reaction_id)
        if rel.get("typeCode") == "SAS":
            relation.interval_from_start = pq_of(first(rel, "h:pauseQuantity"))
        elif rel.get("typeCode") == "SAE":
            relation.interval_from_last_dose = pq_of(first(rel, "h:pauseQuantity"))
    path = "h:outboundRelationship2/h:observation"
    for obs in by_code(adm, path, "6"):
        value = boolean(obs)
        drug.investigational_blinded = value if isinstance(value, bool) else None
    for obs in by_code(adm, path, "14"):
        drug.cumulative_dose = pq_of(first(obs, "h:value"))
    for obs in by_code(adm, path, "31"):
        reaction_id = attr(obs, "h:outboundRelationship1/h:actReference/h:id", "root") or ""
        relation_for(drug, reaction_id).recurred_on_readministration = attr(obs, "h:value", "code")
    for obs in by_code(adm, path, "2"):
        drug.additional_info = text(obs, "h:value")
    for obs in by_code(adm, "h:inboundRelationship[@typeCode='RSON']/h:observation", "19"):
        value = first(obs, "h:value")
        original = text(value, "h:originalText")
        drug.indications.append(
            Indication(text=original if isinstance(original, str) else None, meddra=meddra(value))
        )
    drug.action_taken = attr(adm, "h:inboundRelationship[@typeCode='CAUS']/h:act/h:code", "code")


def read_causality(assessment: El, drugs: dict[str, Drug]) -> None:
    """G.k.1 (code 20) and G.k.9.i.2.r (code 39) causalityAssessment components."""
    for causality in assessment.xpath("h:component/h:causalityAssessment", namespaces=NS):
        code = attr(causality, "h:code", "code")
        drug = drugs.get(attr(causality, "h:subject2/h:productUseReference/h:id", "root") or "")
        if drug is None:
            continue
        if code == "20":
            drug.role = attr(causality, "h:value", "code") or ""
        elif code == "39":
            reaction_id = attr(causality, "h:subject1/h:adverseEffectReference/h:id", "root")
            value = first(causality, "h:value")
            result = (value.text or "").strip() if value is not None else ""
            if value is not None and value.get(XSI_TYPE) == "CE":
                result = value.get("code") or result
            relation_for(drug, reaction_id or "").assessments.append(
                CausalityAssessment(
                    source=text(causality, "h:author/h:assignedEntity/h:code/h:originalText") or "",
                    method=text(causality, "h:methodCode/h:originalText") or "",
                    result=result,
                )
            )
