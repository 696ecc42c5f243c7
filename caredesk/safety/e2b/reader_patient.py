"""E2B(R3) reader, sections C.5, D, E and F from primaryRole (lenient: missing -> None)."""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import (
    DeathInfo,
    MedDRACode,
    MedicalHistoryEntry,
    PastDrug,
    Patient,
    Reaction,
    Seriousness,
    Study,
    TestResult,
)
from caredesk.safety.e2b.writer_patient import SERIOUSNESS_CODES
from caredesk.safety.e2b.xmlutil import (
    CS_CATEGORY,
    CS_MEDDRA,
    NCIT_ETHNICITY,
    NCIT_RACE,
    NS,
    OID_FDA_CROSS_IND,
    OID_FDA_IND,
    OID_FDA_PRE_ANDA,
    OID_SPONSOR_STUDY,
    OID_STUDY_REG,
    parse_number,
    parse_ts,
    quantity,
)

El: TypeAlias = etree._Element


def first(node: El | None, path: str) -> El | None:
    """First match of an HL7 XPath (prefix h:), or None."""
    if node is None:
        return None
    found = node.xpath(path, namespaces=NS)
    return found[0] if found else None


def attr(node: El | None, path: str, name: str) -> str | None:
    """Attribute of the first match."""
    el = first(node, path)
    return None if el is None else el.get(name)


def text(node: El | None, path: str) -> str | None:
    """Text of the first match, or its nullFlavor as a NullFlavor."""
    el = first(node, path)
    if el is None:
        return None
    if el.get("nullFlavor") and not (el.text or "").strip():
        return null_flavor(el.get("nullFlavor"))
    return el.text if el.text is not None else None


def null_flavor(value: str | None):
    """NullFlavor member for a code (unknown flavors are kept as text)."""
    if value is None:
        return None
    try:
        return NullFlavor(value)
    except ValueError:
        return value


def boolean(node: El | None, path: str = "h:value"):
    """BL value: True/False, or a NullFlavor, or None."""
    el = first(node, path)
    if el is None:
        return None
    if el.get("value") in ("true", "false"):
        return el.get("value") == "true"
    return null_flavor(el.get("nullFlavor"))


def meddra(el: El | None) -> MedDRACode | None:
    """MedDRACode from a CE/CD element carrying a MedDRA code."""
    if el is None or not el.get("code") or el.get("codeSystem") not in (CS_MEDDRA, None):
        return None
    return MedDRACode(el.get("code"), el.get("codeSystemVersion"))


def by_code(node: El, path: str, code: str, system: str | None = None) -> list[El]:
    """Children at path whose h:code has the given code (and code system)."""
    out = []
    for el in node.xpath(path, namespaces=NS):
        c = first(el, "h:code")
        if c is not None and c.get("code") == code and system in (None, c.get("codeSystem")):
            out.append(el)
    return out


def read_study(role: El) -> Study | None:
    """C.5 and FDA.C.5.5a/b, FDA.C.5.6.r."""
    research = first(role, "h:subjectOf1/h:researchStudy")
    if research is None:
        return None
    study = Study(
        name=text(research, "h:title"),
        sponsor_study_number=attr(research, f"h:id[@root='{OID_SPONSOR_STUDY}']", "extension"),
        study_type=attr(research, "h:code", "code"),
    )
    for reg in research.xpath("h:authorization/h:studyRegistration", namespaces=NS):
        number, root = attr(reg, "h:id", "extension"), attr(reg, "h:id", "root")
        if root == OID_FDA_IND:
            study.ind_number = number
        elif root == OID_FDA_PRE_ANDA:
            study.pre_anda_number = number
        elif root == OID_FDA_CROSS_IND and number:
            study.cross_reported_inds.append(number)
        elif root == OID_STUDY_REG and number:
            country = attr(reg, ".//h:governingPlace/h:code", "code")
            study.registrations.append((number, country))
    return study


def read_patient(role: El) -> Patient:
    """D.1-D.12 (parent data D.10 is not read)."""
    player = first(role, "h:player1")
    sex_el = first(player, "h:administrativeGenderCode")
    sex = None
    if sex_el is not None:
        sex = sex_el.get("code") or null_flavor(sex_el.get("nullFlavor"))
    patient = Patient(
        name=text(player, "h:name"),
        birth_date=parse_ts(attr(player, "h:birthTime", "value")),
        sex=sex,
    )
    read_characteristics(role, patient)
    read_history(role, patient)
    patient.death = read_death(role, parse_ts(attr(player, "h:deceasedTime", "value")))
    return patient


def read_characteristics(role: El, patient: Patient) -> None:
    """D.2.2, D.2.2.1, D.2.3, D.3, D.4, D.6, FDA.D.11.r, FDA.D.12."""
    for obs in role.xpath("h:subjectOf2/h:observation", namespaces=NS):
        code, value = attr(obs, "h:code", "code"), first(obs, "h:value")
        if value is None:
            continue
        number, unit = value.get("value"), value.get("unit")
        if code == "3":
            patient.age = quantity(number, unit)
        elif code == "16":
            patient.gestation_period = quantity(number, unit)
        elif code == "4":
            patient.age_group = value.get("code")
        elif code == "7":
            patient.weight_kg = parse_number(number)
        elif code == "17":
            patient.height_cm = parse_number(number)
        elif code == "22":
            patient.last_menstrual_period = parse_ts(number)
        elif code == NCIT_RACE and value.get("code"):
            patient.race_codes.append(value.get("code"))
        elif code == NCIT_ETHNICITY and value.get("code"):
            patient.ethnicity_code = value.get("code")


def organizers(role: El, category: str) -> list[El]:
    """primaryRole/subjectOf2/organizer of one ICH category."""
    return by_code(role, "h:subjectOf2/h:organizer", category, CS_CATEGORY)


def read_history(role: El, patient: Patient) -> None:
    """D.7.1.r, D.7.2, D.7.3 and D.8.r."""
    for org in organizers(role, "1"):
        for obs in org.xpath("h:component/h:observation", namespaces=NS):
            code = first(obs, "h:code")
            if code is not None and code.get("codeSystem") == CS_MEDDRA:
                patient.medical_history.append(
                    MedicalHistoryEntry(
                        meddra=meddra(code),
                        start=parse_ts(attr(obs, "h:effectiveTime/h:low", "value")),
                        end=parse_ts(attr(obs, "h:effectiveTime/h:high", "value")),
                        comments=text(
                            obs, "h:outboundRelationship2/h:observation[h:code/@code='10']/h:value"
                        ),
                        family_history=boolean(
                            obs, "h:outboundRelationship2/h:observation[h:code/@code='38']/h:value"
                        ),
                        continuing=boolean(
                            obs, "h:inboundRelationship/h:observation[h:code/@code='13']/h:value"
                        ),
                    )
                )
            elif code is not None and code.get("code") == "18":
                patient.medical_history_text = text(obs, "h:value")
            elif code is not None and code.get("code") == "11":
                value = boolean(obs)
                patient.concomitant_therapies = value if isinstance(value, bool) else None
    for org in organizers(role, "2"):
        for adm in org.xpath("h:component/h:substanceAdministration", namespaces=NS):
            patient.past_drugs.append(
                PastDrug(
                    name=text(adm, ".//h:kindOfProduct/h:name") or "",
                    start=parse_ts(attr(adm, "h:effectiveTime/h:low", "value")),
                    end=parse_ts(attr(adm, "h:effectiveTime/h:high", "value")),
                    indication=meddra(
                        first(
                            adm, "h:outboundRelationship2[@typeCode='RSON']/h:observation/h:value"
                        )
                    ),
                    reaction=meddra(
                        first(
                            adm, "h:outboundRelationship2[@typeCode='CAUS']/h:observation/h:value"
                        )
                    ),
                )
            )


def read_death(role: El, date_of_death) -> DeathInfo | None:
    """D.9.1-D.9.4."""
    death = DeathInfo(date_of_death=date_of_death)
    for obs in by_code(role, "h:subjectOf2/h:observation", "32"):
        value = first(obs, "h:value")
        code = meddra(value)
        if code:
            death.reported_cause_codes.append(code)
        cause = text(value, "h:originalText")
        if isinstance(cause, str):
            death.reported_causes.append(cause)
    for obs in by_code(role, "h:subjectOf2/h:observation", "5"):
        death.autopsy_done = boolean(obs)
        for cause in obs.xpath(".//h:observation/h:value/h:originalText", namespaces=NS):
            if cause.text:
                death.autopsy_causes.append(cause.text)
    empty = DeathInfo()
    return None if death == empty else death


def read_reactions(role: El) -> list[Reaction]:
    """E.i all reactions."""
    return [read_reaction(obs) for obs in by_code(role, "h:subjectOf2/h:observation", "29")]


def read_reaction(obs: El) -> Reaction:
    """E.i one reaction."""
    value = first(obs, "h:value")
    original = first(value, "h:originalText")

    def related(code: str, system: str | None = None) -> El | None:
        found = by_code(obs, "h:outboundRelationship2/h:observation", code, system)
        return found[0] if found else None

    seriousness = Seriousness()
    for name, code, system in SERIOUSNESS_CODES:
        setattr(seriousness, name, boolean(related(code, system)) is True)
    width = first(obs, "h:effectiveTime/h:width")
    return Reaction(
        id=attr(obs, "h:id", "root") or "",
        verbatim=original.text if original is not None else None,
        verbatim_language=original.get("language") if original is not None else None,
        meddra=meddra(value),
        translation=text(related("30"), "h:value"),
        highlighted=attr(related("37"), "h:value", "code"),
        seriousness=seriousness,
        start=parse_ts(attr(obs, "h:effectiveTime/h:low", "value")),
        end=parse_ts(attr(obs, "h:effectiveTime/h:high", "value")),
        duration=None if width is None else quantity(width.get("value"), width.get("unit")),
        outcome=attr(related("27"), "h:value", "code"),
        medically_confirmed=boolean(related("24")) if related("24") is not None else None,
        country=attr(obs, "h:location//h:locatedPlace/h:code", "code"),
    )


def read_tests(role: El) -> list[TestResult]:
    """F.r tests and procedures (qualified ranges such as "< 10" keep only their text)."""
    tests = []
    for org in organizers(role, "3"):
        for obs in org.xpath("h:component/h:observation", namespaces=NS):
            value = first(obs, "h:value")
            vtype = (
                None
                if value is None
                else value.get("{http://www.w3.org/2001/XMLSchema-instance}type")
            )
            center = first(value, "h:center")
            tests.append(
                TestResult(
                    name=text(obs, "h:code/h:originalText"),
                    meddra=meddra(first(obs, "h:code")),
                    date=parse_ts(attr(obs, "h:effectiveTime", "value")),
                    result_value=None if center is None else center.get("value"),
                    result_unit=None if center is None else center.get("unit"),
                    result_text=ed_text(value) if vtype == "ED" else None,
                    result_code=attr(obs, "h:interpretationCode", "code"),
                    normal_low=attr(
                        obs,
                        "h:referenceRange/h:observationRange"
                        "[h:interpretationCode/@code='L']/h:value",
                        "value",
                    ),
                    normal_high=attr(
                        obs,
                        "h:referenceRange/h:observationRange"
                        "[h:interpretationCode/@code='H']/h:value",
                        "value",
                    ),
                    comments=text(
                        obs, "h:outboundRelationship2/h:observation[h:code/@code='10']/h:value"
                    ),
                    more_info=_bool_or_none(
                        boolean(
                            obs, "h:outboundRelationship2/h:observation[h:code/@code='25']/h:value"
                        )
                    ),
                )
            )
    return tests


def ed_text(value: El | None) -> str | None:
    """Stripped text of an ED value, None when empty."""
    return None if value is None else ((value.text or "").strip() or None)


def _bool_or_none(value) -> bool | None:
    return value if isinstance(value, bool) else None
