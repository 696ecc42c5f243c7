"""E2B(R3) writer, section G (drugs, dosages, drug-reaction matrix) and the G.k.1 / G.k.9.i.2.r
causality assessments that HL7 keeps on adverseEventAssessment."""

from __future__ import annotations

from lxml import etree

from caredesk.safety.e2b.model import Dosage, Drug, DrugReactionRelation
from caredesk.safety.e2b.writer_patient import meddra_value, observation, organizer, pq
from caredesk.safety.e2b.xmlutil import (
    CS_ACTION,
    CS_AUTHOR_ROLE,
    CS_COUNTRY,
    CS_DOSE_FORM,
    CS_DRUG_ROLE,
    CS_OBS,
    CS_RECURRENCE,
    CS_ROUTE,
    OID_AUTH_NUMBER,
    bl,
    reference_id,
    sub,
    text_sub,
    ts,
)


def write_drugs(role: etree._Element, drugs: list[Drug]) -> None:
    """G.k all drugs in one drugInformation organizer (category 4)."""
    if not drugs:
        return
    org = organizer(role, "4")
    for drug in drugs:
        adm = sub(
            sub(org, "component", typeCode="COMP"),
            "substanceAdministration",
            classCode="SBADM",
            moodCode="EVN",
        )
        sub(adm, "id", root=reference_id(drug.id))
        write_product(adm, drug)
        for relation in drug.reactions:
            write_intervals(adm, relation)
        for dosage in drug.dosages:
            write_dosage(adm, dosage)
        write_drug_facts(adm, drug)
        for indication in drug.indications:
            obs = observation(sub(adm, "inboundRelationship", typeCode="RSON"), "19")
            meddra_value(obs, indication.meddra, indication.text)
            performer = sub(
                sub(obs, "performer", typeCode="PRF"), "assignedEntity", classCode="ASSIGNED"
            )
            sub(performer, "code", code="3", codeSystem=CS_AUTHOR_ROLE)
        if drug.action_taken:
            act = sub(
                sub(adm, "inboundRelationship", typeCode="CAUS"),
                "act",
                classCode="ACT",
                moodCode="EVN",
            )
            sub(act, "code", code=str(drug.action_taken), codeSystem=CS_ACTION)


def write_product(adm: etree._Element, drug: Drug) -> None:
    """G.k.2 product identification, G.k.3 authorisation, G.k.2.3.r substances, G.k.2.4."""
    inst = sub(sub(adm, "consumable", typeCode="CSM"), "instanceOfKind", classCode="INST")
    kind = sub(inst, "kindOfProduct", classCode="MMAT", determinerCode="KIND")
    if drug.product_code:
        sub(
            kind,
            "code",
            code=drug.product_code,
            codeSystem=drug.product_code_system,
            codeSystemVersion=drug.product_code_version,
        )
    sub(kind, "name").text = drug.product_name
    if drug.authorisation_number or drug.holder or drug.authorisation_country:
        approval = sub(
            sub(sub(kind, "asManufacturedProduct", classCode="MANU"), "subjectOf", typeCode="SBJ"),
            "approval",
            classCode="CNTRCT",
            moodCode="EVN",
        )
        if drug.authorisation_number:
            sub(approval, "id", extension=drug.authorisation_number, root=OID_AUTH_NUMBER)
        if drug.holder:
            holder = sub(sub(approval, "holder", typeCode="HLD"), "role", classCode="HLD")
            org = sub(holder, "playingOrganization", classCode="ORG", determinerCode="INSTANCE")
            sub(org, "name").text = drug.holder
        if drug.authorisation_country:
            terr = sub(
                sub(approval, "author", typeCode="AUT"), "territorialAuthority", classCode="TERR"
            )
            nat = sub(terr, "territory", classCode="NAT", determinerCode="INSTANCE")
            sub(nat, "code", code=drug.authorisation_country, codeSystem=CS_COUNTRY)
    _write_substances(kind, drug)
    if drug.country_obtained:
        event = sub(
            sub(inst, "subjectOf", typeCode="SBJ"), "productEvent", classCode="ACT", moodCode="EVN"
        )
        sub(event, "code", code="1", codeSystem="2.16.840.1.113883.3.989.2.1.1.18")
        org = sub(
            sub(sub(event, "performer", typeCode="PRF"), "assignedEntity", classCode="ASSIGNED"),
            "representedOrganization",
            classCode="ORG",
            determinerCode="INSTANCE",
        )
        sub(sub(org, "addr"), "country").text = drug.country_obtained


def _write_substances(kind: etree._Element, drug: Drug) -> None:
    """G.k.2.3.r: the active substances with their strengths."""
    for substance in drug.substances:
        ingredient = sub(kind, "ingredient", classCode="ACTI")
        if substance.strength:
            quantity = sub(ingredient, "quantity")
            pq(quantity, "numerator", substance.strength)
            sub(quantity, "denominator", value="1", unit="1")
        subst = sub(ingredient, "ingredientSubstance", classCode="MMAT", determinerCode="KIND")
        if substance.termid:
            sub(
                subst,
                "code",
                code=substance.termid,
                codeSystem="2.16.840.1.113883.4.9",
                codeSystemVersion=substance.termid_version,
            )
        sub(subst, "name").text = substance.name


def write_intervals(adm: etree._Element, relation: DrugReactionRelation) -> None:
    """G.k.9.i.3.1 (SAS) and G.k.9.i.3.2 (SAE) time intervals for one reaction."""
    for type_code, interval in (
        ("SAS", relation.interval_from_start),
        ("SAE", relation.interval_from_last_dose),
    ):
        if interval is None:
            continue
        rel = sub(adm, "outboundRelationship1", typeCode=type_code)
        pq(rel, "pauseQuantity", interval)
        ref = sub(rel, "actReference", classCode="OBS", moodCode="EVN")
        sub(ref, "id", root=reference_id(relation.reaction_id))


def write_dosage_time(adm: etree._Element, dosage: Dosage) -> None:
    """G.k.4.r.2-6 as one effectiveTime (SXPR_TS when more than one component)."""
    parts: list[tuple[str, etree._Element]] = []
    holder = etree.Element("holder")
    if dosage.frequency:
        comp = sub(holder, "comp", xsi_type="PIVL_TS")
        pq(comp, "period", dosage.frequency)
        parts.append(("PIVL_TS", comp))
    if dosage.start is not None or dosage.end is not None:
        comp = sub(holder, "comp", xsi_type="IVL_TS")
        if dosage.start is not None:
            sub(comp, "low", value=ts(dosage.start))
        if dosage.end is not None:
            sub(comp, "high", value=ts(dosage.end))
        parts.append(("IVL_TS", comp))
    if dosage.duration:
        comp = sub(holder, "comp", xsi_type="IVL_TS")
        pq(comp, "width", dosage.duration)
        parts.append(("IVL_TS", comp))
    if not parts:
        return
    if len(parts) == 1:
        eff = sub(adm, "effectiveTime", xsi_type=parts[0][0])
        eff.extend(list(parts[0][1]))
        return
    eff = sub(adm, "effectiveTime", xsi_type="SXPR_TS")
    for index, (_kind, comp) in enumerate(parts):
        if index:
            comp.set("operator", "A")
        eff.append(comp)


def write_dosage(adm: etree._Element, dosage: Dosage) -> None:
    """G.k.4.r one dosage line."""
    dose = sub(
        sub(adm, "outboundRelationship2", typeCode="COMP"),
        "substanceAdministration",
        classCode="SBADM",
        moodCode="EVN",
    )
    text_sub(dose, "text", dosage.text)
    write_dosage_time(dose, dosage)
    if dosage.route_code or dosage.route_text:
        route = sub(
            dose,
            "routeCode",
            code=dosage.route_code,
            codeSystem=CS_ROUTE if dosage.route_code else None,
            codeSystemVersion=dosage.route_code_version,
        )
        text_sub(route, "originalText", dosage.route_text)
    if dosage.dose:
        pq(dose, "doseQuantity", dosage.dose)
    if dosage.lot_number or dosage.dose_form:
        inst = sub(sub(dose, "consumable", typeCode="CSM"), "instanceOfKind", classCode="INST")
        if dosage.lot_number:
            lot = sub(inst, "productInstanceInstance", classCode="MMAT", determinerCode="INSTANCE")
            sub(lot, "lotNumberText").text = dosage.lot_number
        if dosage.dose_form:
            kind = sub(inst, "kindOfProduct", classCode="MMAT", determinerCode="KIND")
            form = sub(kind, "formCode", codeSystem=CS_DOSE_FORM)
            sub(form, "originalText").text = dosage.dose_form


def write_drug_facts(adm: etree._Element, drug: Drug) -> None:
    """G.k.2.5 blinded, G.k.5 cumulative dose, G.k.9.i.4 recurrence, G.k.11 free text."""
    if drug.investigational_blinded is not None:
        obs = observation(sub(adm, "outboundRelationship2", typeCode="PERT"), "6")
        sub(obs, "value", xsi_type="BL", value=bl(drug.investigational_blinded))
    if drug.cumulative_dose:
        obs = observation(sub(adm, "outboundRelationship2", typeCode="SUMM"), "14")
        pq(obs, "value", drug.cumulative_dose, xsi_type="PQ")
    for relation in drug.reactions:
        if not relation.recurred_on_readministration:
            continue
        obs = observation(sub(adm, "outboundRelationship2", typeCode="PERT"), "31")
        sub(
            obs,
            "value",
            xsi_type="CE",
            code=relation.recurred_on_readministration,
            codeSystem=CS_RECURRENCE,
        )
        ref = sub(
            sub(obs, "outboundRelationship1", typeCode="REFR"),
            "actReference",
            classCode="OBS",
            moodCode="EVN",
        )
        sub(ref, "id", root=reference_id(relation.reaction_id))
    if drug.additional_info:
        obs = observation(sub(adm, "outboundRelationship2", typeCode="REFR"), "2")
        sub(obs, "value", xsi_type="ST").text = drug.additional_info


def write_assessments(assessment: etree._Element, drugs: list[Drug]) -> None:
    """G.k.1 drug roles and G.k.9.i.2.r relatedness, as adverseEventAssessment components."""
    for drug in drugs:
        if not drug.role:
            continue  # G.k.1 missing: validate() reports it, the XML stays schema-valid
        causality = causality_component(assessment, "20")
        sub(causality, "value", xsi_type="CE", code=str(drug.role), codeSystem=CS_DRUG_ROLE)
        product_ref(causality, drug.id)
    for drug in drugs:
        for relation in drug.reactions:
            for item in relation.assessments:
                causality = causality_component(assessment, "39")
                sub(causality, "value", xsi_type="ST").text = item.result
                sub(sub(causality, "methodCode"), "originalText").text = item.method
                entity = sub(
                    sub(causality, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED"
                )
                sub(sub(entity, "code"), "originalText").text = item.source
                ref = sub(
                    sub(causality, "subject1", typeCode="SUBJ"),
                    "adverseEffectReference",
                    classCode="OBS",
                    moodCode="EVN",
                )
                sub(ref, "id", root=reference_id(relation.reaction_id))
                product_ref(causality, drug.id)


def causality_component(assessment: etree._Element, code: str) -> etree._Element:
    """adverseEventAssessment/component/causalityAssessment with an ICH observation code."""
    causality = sub(
        sub(assessment, "component", typeCode="COMP"),
        "causalityAssessment",
        classCode="OBS",
        moodCode="EVN",
    )
    sub(causality, "code", code=code, codeSystem=CS_OBS)
    return causality


def product_ref(causality: etree._Element, drug_id: str) -> None:
    """subject2/productUseReference pointing at a G.k substanceAdministration id."""
    ref = sub(
        sub(causality, "subject2", typeCode="SUBJ"),
        "productUseReference",
        classCode="SBADM",
        moodCode="EVN",
    )
    sub(ref, "id", root=reference_id(drug_id))
