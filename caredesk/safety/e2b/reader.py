"""Read E2B(R3) ICSR XML (an MCCI_IN200100UV01 batch) into :class:`ICSRMessage` objects.

Lenient on purpose: a missing element becomes None/empty instead of an exception, so that
``validate`` can report *which* required element is missing. Elements we do not model (device
data FDA.G.k.12, parent data D.10, attached document bodies) are skipped.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from lxml import etree

from caredesk.safety.e2b.model import (
    CaseIdentification,
    ICSRMessage,
    LinkedReport,
    MessageHeader,
    Narrative,
    Patient,
    PrimarySource,
    Sender,
)
from caredesk.safety.e2b.reader_drugs import read_drugs
from caredesk.safety.e2b.reader_patient import (
    attr,
    boolean,
    by_code,
    first,
    meddra,
    null_flavor,
    read_patient,
    read_reactions,
    read_study,
    read_tests,
    text,
)
from caredesk.safety.e2b.xmlutil import (
    CS_CHARACTERISTIC,
    CS_DOCUMENT,
    CS_NCIT,
    NCIT_COMBINATION,
    NCIT_LOCAL_REPORT_TYPE,
    NS,
    OID_BATCH_ID,
    OID_BATCH_RECEIVER,
    OID_BATCH_SENDER,
    OID_MSG_ID,
    OID_MSG_RECEIVER,
    OID_MSG_SENDER,
    OID_OTHER_CASE_ID,
    OID_WWID,
    parse_ts,
)

El: TypeAlias = etree._Element


class E2BParseError(ValueError):
    """The bytes are not an E2B(R3) ICSR batch (not XML, or another root element)."""


def parse_xml(xml_bytes: bytes) -> El:
    """Parse without network access or entity expansion (files come from outside)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(xml_bytes, parser)
    except etree.XMLSyntaxError as exc:
        raise E2BParseError(f"not well-formed XML: {exc}") from exc


def parse_icsr_xml(xml_bytes: bytes) -> list[ICSRMessage]:
    """One :class:`ICSRMessage` per PORR_IN049016UV in the batch, in document order."""
    root = parse_xml(xml_bytes)
    if etree.QName(root).localname != "MCCI_IN200100UV01":
        raise E2BParseError(f"root element is {etree.QName(root).localname}, not MCCI_IN200100UV01")
    batch = {
        "batch_number": attr(root, f"h:id[@root='{OID_BATCH_ID}']", "extension") or "",
        "batch_created": parse_ts(attr(root, "h:creationTime", "value")) or "",
        "batch_sender": attr(root, f"h:sender//h:id[@root='{OID_BATCH_SENDER}']", "extension")
        or "",
        "batch_receiver": attr(root, f"h:receiver//h:id[@root='{OID_BATCH_RECEIVER}']", "extension")
        or "",
    }
    return [read_message(msg, batch) for msg in root.xpath("h:PORR_IN049016UV", namespaces=NS)]


def read_message(msg: El, batch: dict) -> ICSRMessage:
    """One ICSR: N.2.r header and sections C-H."""
    header = MessageHeader(
        message_number=attr(msg, f"h:id[@root='{OID_MSG_ID}']", "extension") or "",
        message_created=parse_ts(attr(msg, "h:creationTime", "value")) or "",
        message_sender=attr(msg, f"h:sender//h:id[@root='{OID_MSG_SENDER}']", "extension") or "",
        message_receiver=attr(msg, f"h:receiver//h:id[@root='{OID_MSG_RECEIVER}']", "extension")
        or "",
        **batch,
    )
    act = first(msg, "h:controlActProcess")
    event = first(act, "h:subject/h:investigationEvent")
    assessment = first(event, "h:component/h:adverseEventAssessment")
    role = first(assessment, "h:subject1/h:primaryRole")
    narrative = read_narrative(event, assessment)
    sources = [
        read_primary_source(rel)
        for rel in (
            event.xpath("h:outboundRelationship", namespaces=NS) if event is not None else []
        )
        if attr(rel, "h:relatedInvestigation/h:code", "code") == "2"
    ]
    return ICSRMessage(
        header=header,
        case=read_case(act, event),
        sender=read_sender(event),
        patient=read_patient(role) if role is not None else Patient(name=None),
        reactions=read_reactions(role) if role is not None else [],
        drugs=read_drugs(role, assessment) if role is not None else [],
        narrative=narrative,
        primary_sources=sources,
        literature=[t.text or "" for t in doc_nodes(event, "2", "h:bibliographicDesignationText")],
        study=read_study(role) if role is not None else None,
        tests=read_tests(role) if role is not None else [],
    )


def doc_nodes(event: El | None, code: str, child: str) -> list[El]:
    """reference/document children of one document kind (1 held by sender, 2 literature)."""
    if event is None:
        return []
    docs = by_code(event, "h:reference/h:document", code, CS_DOCUMENT)
    return [el for doc in docs for el in doc.xpath(child, namespaces=NS)]


def component_value(event: El | None, code: str, system: str | None = None) -> El | None:
    """investigationEvent/component/observationEvent[code]/value."""
    if event is None:
        return None
    found = by_code(event, "h:component/h:observationEvent", code, system)
    return first(found[0], "h:value") if found else None


def characteristic(event: El | None, code: str) -> El | None:
    """investigationEvent/subjectOf2/investigationCharacteristic[code]/value."""
    if event is None:
        return None
    found = by_code(event, "h:subjectOf2/h:investigationCharacteristic", code, CS_CHARACTERISTIC)
    return first(found[0], "h:value") if found else None


def bl_of(el: El | None):
    """BL element value (True/False/NullFlavor/None)."""
    return None if el is None else boolean(el, ".")


def read_case(act: El | None, event: El | None) -> CaseIdentification:
    """C.1 identification of the case."""
    first_sender = None
    linked = []
    for rel in [] if event is None else event.xpath("h:outboundRelationship", namespaces=NS):
        code = attr(rel, "h:relatedInvestigation/h:code", "code")
        if code == "1":
            first_sender = attr(rel, ".//h:assignedEntity/h:code", "code")
        elif code is None:
            linked += [
                i.get("extension") for i in rel.xpath(".//h:controlActEvent/h:id", namespaces=NS)
            ]
    additional = bl_of(component_value(event, "1", "2.16.840.1.113883.3.989.2.1.1.19"))
    combination = bl_of(component_value(event, NCIT_COMBINATION, CS_NCIT))
    nullification_reason = text(characteristic(event, "4"), "h:originalText")
    return CaseIdentification(
        safety_report_id=attr(event, f"h:id[@root='{OID_MSG_ID}']", "extension") or "",
        created=parse_ts(attr(act, "h:effectiveTime", "value")) or "",
        report_type=attr(characteristic(event, "1"), ".", "code") or "",
        first_received=parse_ts(attr(event, "h:effectiveTime/h:low", "value")) or "",
        most_recent_info=parse_ts(attr(event, "h:availabilityTime", "value")) or "",
        worldwide_case_id=attr(event, f"h:id[@root='{OID_WWID}']", "extension") or "",
        first_sender=first_sender or "",
        additional_documents=additional is True,
        document_titles=[t.text or "" for t in doc_nodes(event, "1", "h:title")],
        fulfil_expedited_criteria=bl_of(
            component_value(event, "23", "2.16.840.1.113883.3.989.2.1.1.19")
        ),
        fda_report_type=attr(component_value(event, NCIT_LOCAL_REPORT_TYPE, CS_NCIT), ".", "code"),
        combination_product=combination if isinstance(combination, bool) else None,
        other_case_ids=[
            LinkedReport(
                identifier=i.get("extension") or "", source=i.get("assigningAuthorityName")
            )
            for i in (
                []
                if event is None
                else event.xpath(
                    f"h:subjectOf1/h:controlActEvent/h:id[@root='{OID_OTHER_CASE_ID}']",
                    namespaces=NS,
                )
            )
        ],
        linked_reports=[x for x in linked if x],
        nullification=attr(characteristic(event, "3"), ".", "code"),
        nullification_reason=nullification_reason
        if isinstance(nullification_reason, str)
        else None,
    )


def telecoms(entity: El | None) -> dict[str, Any]:
    """telecom values by scheme (tel, fax, mailto); a nullFlavor keeps the NullFlavor."""
    out: dict[str, Any] = {}
    for tel in [] if entity is None else entity.xpath("h:telecom", namespaces=NS):
        value = tel.get("value") or ""
        scheme, _, rest = value.partition(":")
        out.setdefault(
            scheme, null_flavor(tel.get("nullFlavor")) if tel.get("nullFlavor") else rest
        )
    return out


def name_parts(person: El | None) -> dict[str, Any]:
    """title / given / middle / family from an HL7 name."""
    givens = [] if person is None else person.xpath("h:name/h:given", namespaces=NS)
    return {
        "title": text(person, "h:name/h:prefix"),
        "given_name": givens[0].text if givens else None,
        "middle_name": givens[1].text if len(givens) > 1 else None,
        "family_name": text(person, "h:name/h:family"),
    }


def contact(entity: El | None) -> dict[str, Any]:
    """Address, department and organisation of an assignedEntity."""
    return {
        "street": text(entity, "h:addr/h:streetAddressLine"),
        "city": text(entity, "h:addr/h:city"),
        "state": text(entity, "h:addr/h:state"),
        "postcode": text(entity, "h:addr/h:postalCode"),
        "department": text(entity, "h:representedOrganization/h:name"),
        "organisation": text(
            entity, "h:representedOrganization/h:assignedEntity/h:representedOrganization/h:name"
        ),
    }


def read_primary_source(rel: El) -> PrimarySource:
    """C.2.r one reporter."""
    entity = first(rel, ".//h:author/h:assignedEntity")
    person = first(entity, "h:assignedPerson")
    qual = first(person, "h:asQualifiedEntity/h:code")
    tel = telecoms(entity)
    return PrimarySource(
        qualification=None
        if qual is None
        else (qual.get("code") or null_flavor(qual.get("nullFlavor"))),
        country=attr(person, "h:asLocatedEntity/h:location/h:code", "code"),
        telephone=tel.get("tel"),
        email=tel.get("mailto"),
        primary_for_regulatory_purposes=attr(rel, "h:priorityNumber", "value") == "1",
        **name_parts(person),
        **contact(entity),
    )


def read_sender(event: El | None) -> Sender:
    """C.3 sender (the subjectOf1 whose author has a sender-type code)."""
    entity = first(event, "h:subjectOf1/h:controlActEvent/h:author/h:assignedEntity[h:code]")
    person = first(entity, "h:assignedPerson")
    tel = telecoms(entity)
    details = contact(entity)
    return Sender(
        sender_type=attr(entity, "h:code", "code") or "",
        country=attr(person, "h:asLocatedEntity/h:location/h:code", "code"),
        telephone=tel.get("tel"),
        fax=tel.get("fax"),
        email=tel.get("mailto"),
        **{**details, "organisation": details["organisation"] or ""},
        **name_parts(person),
    )


def read_narrative(event: El | None, assessment: El | None) -> Narrative:
    """H.1 narrative, H.2 / H.4 comments, H.3.r diagnoses, H.5.r summaries."""
    narrative = Narrative(case_narrative=text(event, "h:text") or "")
    for obs in (
        []
        if assessment is None
        else assessment.xpath("h:component1/h:observationEvent", namespaces=NS)
    ):
        code = attr(obs, "h:code", "code")
        author = attr(obs, "h:author/h:assignedEntity/h:code", "code")
        if code == "10" and author == "3":
            narrative.reporter_comments = text(obs, "h:value")
        elif code == "10" and author == "1":
            narrative.sender_comments = text(obs, "h:value")
        elif code == "15" and (diagnosis := meddra(first(obs, "h:value"))):
            narrative.sender_diagnoses.append(diagnosis)
    if event is not None:
        for obs in by_code(event, "h:component/h:observationEvent", "36"):
            value = first(obs, "h:value")
            if value is not None and value.text:
                narrative.summaries.append((value.text, value.get("language")))
    return narrative
