"""Build E2B(R3) ICSR XML (an MCCI_IN200100UV01 batch of PORR_IN049016UV messages).

The structure follows FDA's E2B(R3) example instances (FAERS2022Scenario*.xml): ICH OIDs under
2.16.840.1.113883.3.989.2.1, FDA regional elements (FDA.C.1.7.1, FDA.C.1.12, FDA.D.11/12,
FDA.E.i.3.2h, FDA.C.5.5a/b) with FDA's OIDs, and null flavors where data is missing.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from caredesk.safety.e2b.clean import xml_safe
from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import (
    CaseIdentification,
    ICSRMessage,
    MedDRACode,
    MessageHeader,
    Narrative,
    PrimarySource,
)
from caredesk.safety.e2b.writer_drugs import write_assessments, write_drugs
from caredesk.safety.e2b.writer_parties import write_primary_source, write_sender
from caredesk.safety.e2b.writer_patient import (
    bl_value,
    organizer,
    write_characteristics,
    write_death,
    write_history,
    write_player,
    write_reaction,
    write_study,
    write_test,
)
from caredesk.safety.e2b.xmlutil import (
    CS_AUTHOR_ROLE,
    CS_CHARACTERISTIC,
    CS_DOCUMENT,
    CS_FDA_REPORT_TYPE,
    CS_FIRST_SENDER,
    CS_MEDDRA,
    CS_NCIT,
    CS_NULLIFICATION,
    CS_RELATED_INVESTIGATION,
    CS_REPORT_TYPE,
    HL7,
    NCIT_COMBINATION,
    NCIT_LOCAL_REPORT_TYPE,
    OID_BATCH_ID,
    OID_BATCH_RECEIVER,
    OID_BATCH_SENDER,
    OID_MSG_ID,
    OID_MSG_RECEIVER,
    OID_MSG_SENDER,
    OID_OTHER_CASE_ID,
    OID_WWID,
    XSI,
    bl,
    q,
    sub,
    text_sub,
    ts,
)

SCHEMA_LOCATION = "urn:hl7-org:v3 MCCI_IN200100UV01.xsd"


def build_icsr_xml(message: ICSRMessage) -> bytes:
    """One ICSR as a complete batch file (N.1 header taken from the message's header)."""
    return build_batch_xml([message])


def build_batch_xml(messages: Sequence[ICSRMessage]) -> bytes:
    """A batch of ICSRs; the N.1 batch header comes from the first message."""
    if not messages:
        raise ValueError("an E2B(R3) batch needs at least one ICSR message")
    messages = [xml_safe(m) for m in messages]
    header = messages[0].header
    root = etree.Element(q("MCCI_IN200100UV01"), nsmap={None: HL7, "xsi": XSI})
    root.set("ITSVersion", "XML_1.0")
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    sub(root, "id", extension=header.batch_number, root=OID_BATCH_ID)
    sub(root, "creationTime", value=ts(header.batch_created))
    sub(root, "responseModeCode", code="D")
    sub(root, "interactionId", extension="MCCI_IN200100UV01", root="2.16.840.1.113883.1.6")
    sub(root, "name", code="1", codeSystem="2.16.840.1.113883.3.989.2.1.1.1")
    for message in messages:
        write_message(root, message)
    device(sub(root, "receiver", typeCode="RCV"), header.batch_receiver, OID_BATCH_RECEIVER)
    device(sub(root, "sender", typeCode="SND"), header.batch_sender, OID_BATCH_SENDER)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def device(parent: etree._Element, identifier: str, root: str) -> None:
    """receiver/sender device with an id (N.1.3/4, N.2.r.2/3)."""
    dev = sub(parent, "device", classCode="DEV", determinerCode="INSTANCE")
    sub(dev, "id", extension=identifier, root=root)


def write_message(batch: etree._Element, message: ICSRMessage) -> None:
    """N.2.r message wrapper and the controlActProcess holding the investigation."""
    header: MessageHeader = message.header
    msg = sub(batch, "PORR_IN049016UV")
    sub(msg, "id", extension=header.message_number, root=OID_MSG_ID)
    sub(msg, "creationTime", value=ts(header.message_created))
    sub(msg, "interactionId", extension="PORR_IN049016UV", root="2.16.840.1.113883.1.6")
    sub(msg, "processingCode", code="P")
    sub(msg, "processingModeCode", code="I")
    sub(msg, "acceptAckCode", code="AL")
    device(sub(msg, "receiver", typeCode="RCV"), header.message_receiver, OID_MSG_RECEIVER)
    device(sub(msg, "sender", typeCode="SND"), header.message_sender, OID_MSG_SENDER)
    act = sub(msg, "controlActProcess", classCode="CACT", moodCode="EVN")
    sub(act, "code", code="PORR_TE049016UV", codeSystem="2.16.840.1.113883.1.18")
    sub(act, "effectiveTime", value=ts(message.case.created))
    event = sub(sub(act, "subject", typeCode="SUBJ"), "investigationEvent", classCode="INVSTG")
    event.set("moodCode", "EVN")
    write_investigation(event, message)


def write_investigation(event: etree._Element, message: ICSRMessage) -> None:
    """C.1 identification, H.1, documents, then D-H inside adverseEventAssessment."""
    case = message.case
    sub(event, "id", extension=case.safety_report_id, root=OID_MSG_ID)
    sub(event, "id", extension=case.worldwide_case_id, root=OID_WWID)
    sub(event, "code", code="PAT_ADV_EVNT", codeSystem="2.16.840.1.113883.5.4")
    text_sub(event, "text", message.narrative.case_narrative or NullFlavor.NI)
    sub(event, "statusCode", code="active")
    sub(sub(event, "effectiveTime"), "low", value=ts(case.first_received))
    sub(event, "availabilityTime", value=ts(case.most_recent_info))
    for title in case.document_titles:
        write_document(event, "1", title=title)
    for citation in message.literature:
        write_document(event, "2", citation=citation)
    write_assessment(event, message)
    write_case_flags(event, case, message.narrative)
    write_relations(event, case, message.primary_sources)
    write_sender(event, message.sender)
    for other in case.other_case_ids:
        ctl = sub(sub(event, "subjectOf1", typeCode="SUBJ"), "controlActEvent", classCode="CACT")
        ctl.set("moodCode", "EVN")
        sub(
            ctl,
            "id",
            assigningAuthorityName=other.source,
            extension=other.identifier,
            root=OID_OTHER_CASE_ID,
        )
    write_characteristics_c1(event, case)


def write_document(event: etree._Element, code: str, title=None, citation=None) -> None:
    """C.1.6.1.r documents held by sender (code 1) or C.4.r literature (code 2)."""
    doc = sub(sub(event, "reference", typeCode="REFR"), "document", classCode="DOC")
    doc.set("moodCode", "EVN")
    sub(doc, "code", code=code, codeSystem=CS_DOCUMENT)
    text_sub(doc, "title", title)
    text_sub(doc, "bibliographicDesignationText", citation)


def write_assessment(event: etree._Element, message: ICSRMessage) -> None:
    """adverseEventAssessment: patient (D, E, F, G), causality (G.k.1, G.k.9.i.2), H.2-H.4."""
    assessment = sub(
        sub(event, "component", typeCode="COMP"),
        "adverseEventAssessment",
        classCode="INVSTG",
        moodCode="EVN",
    )
    role = sub(sub(assessment, "subject1", typeCode="SBJ"), "primaryRole", classCode="INVSBJ")
    patient = message.patient
    write_player(role, patient)
    if message.study:
        write_study(role, message.study)
    write_characteristics(role, patient)
    write_history(role, patient)
    write_death(role, patient.death)
    for reaction in message.reactions:
        write_reaction(role, reaction)
    if message.tests:
        org = organizer(role, "3")
        for test in message.tests:
            write_test(org, test)
    write_drugs(role, message.drugs)
    write_assessments(assessment, message.drugs)
    write_narrative_comments(assessment, message.narrative)


def write_narrative_comments(assessment: etree._Element, narrative: Narrative) -> None:
    """H.2 reporter's comments, H.3.r sender's diagnoses, H.4 sender's comments."""
    items: list[tuple[str, str, str | None, MedDRACode | None]] = []
    if narrative.reporter_comments:
        items.append(("10", "3", narrative.reporter_comments, None))
    items += [("15", "1", None, code) for code in narrative.sender_diagnoses]
    if narrative.sender_comments:
        items.append(("10", "1", narrative.sender_comments, None))
    for obs_code, author, text, meddra in items:
        obs = sub(
            sub(assessment, "component1", typeCode="COMP"),
            "observationEvent",
            classCode="OBS",
            moodCode="EVN",
        )
        sub(obs, "code", code=obs_code, codeSystem="2.16.840.1.113883.3.989.2.1.1.19")
        if text is not None:
            sub(obs, "value", xsi_type="ED").text = text
        elif isinstance(meddra, MedDRACode):
            sub(
                obs,
                "value",
                xsi_type="CE",
                code=meddra.code,
                codeSystem=CS_MEDDRA,
                codeSystemVersion=meddra.version,
            )
        author_role(obs, author)


def author_role(parent: etree._Element, code: str) -> None:
    """author/assignedEntity/code in the ICH author-role code system."""
    entity = sub(sub(parent, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
    sub(entity, "code", code=code, codeSystem=CS_AUTHOR_ROLE)


def case_component(event: etree._Element, code: str, system: str) -> etree._Element:
    """investigationEvent/component/observationEvent with a code."""
    obs = sub(sub(event, "component", typeCode="COMP"), "observationEvent", classCode="OBS")
    obs.set("moodCode", "EVN")
    sub(obs, "code", code=code, codeSystem=system)
    return obs


def write_case_flags(event: etree._Element, case: CaseIdentification, narr: Narrative) -> None:
    """C.1.6.1, C.1.7, FDA.C.1.7.1, FDA.C.1.12 and H.5.r summaries."""
    obs_cs = "2.16.840.1.113883.3.989.2.1.1.19"
    bl_value(case_component(event, "1", obs_cs), case.additional_documents)
    bl_value(case_component(event, "23", obs_cs), case.fulfil_expedited_criteria)
    if case.fda_report_type:
        obs = case_component(event, NCIT_LOCAL_REPORT_TYPE, CS_NCIT)
        sub(
            obs,
            "value",
            xsi_type="CE",
            code=str(case.fda_report_type),
            codeSystem=CS_FDA_REPORT_TYPE,
        )
    if case.combination_product is not None:
        bl_value(case_component(event, NCIT_COMBINATION, CS_NCIT), case.combination_product)
    for text, language in narr.summaries:
        obs = case_component(event, "36", obs_cs)
        sub(obs, "value", xsi_type="ED", language=language).text = text
        author_role(obs, "2")


def related(event: etree._Element, code: str | None, priority: bool = False):
    """investigationEvent/outboundRelationship/relatedInvestigation/.../controlActEvent."""
    rel = sub(event, "outboundRelationship", typeCode="SPRT")
    if priority:
        sub(rel, "priorityNumber", value="1")
    inv = sub(rel, "relatedInvestigation", classCode="INVSTG", moodCode="EVN")
    if code:
        sub(inv, "code", code=code, codeSystem=CS_RELATED_INVESTIGATION)
    else:
        sub(inv, "code", nullFlavor="NA")
    ctl = sub(sub(inv, "subjectOf2", typeCode="SUBJ"), "controlActEvent", classCode="CACT")
    ctl.set("moodCode", "EVN")
    return ctl


def write_relations(event, case: CaseIdentification, sources: list[PrimarySource]) -> None:
    """C.1.8.2 first sender, C.1.10.r linked reports, C.2.r primary sources."""
    ctl = related(event, "1")
    entity = sub(sub(ctl, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
    sub(entity, "code", code=str(case.first_sender), codeSystem=CS_FIRST_SENDER)
    for linked in case.linked_reports:
        sub(related(event, None), "id", extension=linked, root=OID_WWID)
    for source in sources:
        ctl = related(event, "2", priority=source.primary_for_regulatory_purposes)
        write_primary_source(ctl, source)


def write_characteristics_c1(event: etree._Element, case: CaseIdentification) -> None:
    """C.1.3 report type, C.1.9.1 other case ids flag, C.1.11.1/2 nullification."""

    def characteristic(code: str) -> etree._Element:
        char = sub(
            sub(event, "subjectOf2", typeCode="SUBJ"),
            "investigationCharacteristic",
            classCode="OBS",
            moodCode="EVN",
        )
        sub(char, "code", code=code, codeSystem=CS_CHARACTERISTIC)
        return char

    sub(
        characteristic("1"),
        "value",
        xsi_type="CE",
        code=str(case.report_type),
        codeSystem=CS_REPORT_TYPE,
    )
    other = characteristic("2")
    if case.other_case_ids:
        sub(other, "value", xsi_type="BL", value=bl(True))
    else:
        sub(other, "value", xsi_type="BL", nullFlavor="NI")
    if case.nullification:
        sub(
            characteristic("3"),
            "value",
            xsi_type="CE",
            code=str(case.nullification),
            codeSystem=CS_NULLIFICATION,
        )
    if case.nullification_reason:
        value = sub(characteristic("4"), "value", xsi_type="CE")
        sub(value, "originalText").text = case.nullification_reason
