"""E2B(R3) writer, sections D (patient), E (reactions) and F (tests), into primaryRole."""

from __future__ import annotations

from lxml import etree

from caredesk.safety.e2b.codes import NullFlavor, Outcome
from caredesk.safety.e2b.model import (
    DeathInfo,
    MedDRACode,
    Patient,
    Quantity,
    Reaction,
    Study,
    TestResult,
)
from caredesk.safety.e2b.xmlutil import (
    CS_AGE_GROUP,
    CS_CATEGORY,
    CS_COUNTRY,
    CS_FDA_INTERVENTION,
    CS_HIGHLIGHTED,
    CS_MEDDRA,
    CS_NCIT,
    CS_OBS,
    CS_OUTCOME,
    CS_SEX,
    CS_STUDY_TYPE,
    CS_TEST_RESULT,
    NCIT_ETHNICITY,
    NCIT_RACE,
    OID_FDA_CROSS_IND,
    OID_FDA_IND,
    OID_FDA_PRE_ANDA,
    OID_SPONSOR_STUDY,
    OID_STUDY_REG,
    bl,
    number,
    reference_id,
    sub,
    text_sub,
    ts,
)

# E.i.3.2a-f + FDA.E.i.3.2h: (attribute on Seriousness, observation code, code system)
SERIOUSNESS_CODES = (
    ("death", "34", CS_OBS),
    ("life_threatening", "21", CS_OBS),
    ("hospitalisation", "33", CS_OBS),
    ("disability", "35", CS_OBS),
    ("congenital_anomaly", "12", CS_OBS),
    ("other_medically_important", "26", CS_OBS),
    ("required_intervention", "7", CS_FDA_INTERVENTION),
)


def observation(parent: etree._Element, code: str, code_system: str = CS_OBS) -> etree._Element:
    """``<observation classCode=OBS moodCode=EVN><code .../>`` under parent."""
    obs = sub(parent, "observation", classCode="OBS", moodCode="EVN")
    sub(obs, "code", code=code, codeSystem=code_system)
    return obs


def subject_observation(role: etree._Element, code: str, code_system: str = CS_OBS):
    """A primaryRole/subjectOf2/observation (one patient-level fact)."""
    return observation(sub(role, "subjectOf2", typeCode="SBJ"), code, code_system)


def pq(parent: etree._Element, tag: str, value: Quantity, **attrs: str | None) -> None:
    """A PQ element (value + UCUM unit)."""
    sub(parent, tag, value=number(value.value), unit=value.unit, **attrs)


def meddra_value(parent: etree._Element, code: MedDRACode | None, text: str | None = None):
    """CE value holding a MedDRA code and/or original text (nullFlavor NI when neither)."""
    if code is None:
        value = sub(parent, "value", xsi_type="CE", nullFlavor=None if text else "NI")
    else:
        value = sub(
            parent,
            "value",
            xsi_type="CE",
            code=code.code,
            codeSystem=CS_MEDDRA,
            codeSystemVersion=code.version,
        )
    text_sub(value, "originalText", text)
    return value


def bl_value(parent: etree._Element, flag: bool | NullFlavor | None) -> None:
    """BL value: true/false, or nullFlavor (NI when None)."""
    if isinstance(flag, bool):
        sub(parent, "value", xsi_type="BL", value=bl(flag))
    else:
        sub(parent, "value", xsi_type="BL", nullFlavor=(flag or NullFlavor.NI).value)


def ivl_ts(parent: etree._Element, low, high, width: Quantity | None = None) -> None:
    """effectiveTime IVL_TS with low/high (or low/width when there is no end)."""
    if low is None and high is None and width is None:
        return
    eff = sub(parent, "effectiveTime", xsi_type="IVL_TS")
    if low is not None:
        sub(eff, "low", value=ts(low))
    if high is not None:
        sub(eff, "high", value=ts(high))
    elif width is not None:
        pq(eff, "width", width)


def write_player(role: etree._Element, patient: Patient) -> None:
    """D.1, D.5, D.2.1, D.9.1 on player1."""
    player = sub(role, "player1", classCode="PSN", determinerCode="INSTANCE")
    text_sub(player, "name", patient.name or NullFlavor.UNK)
    if isinstance(patient.sex, NullFlavor):
        sub(player, "administrativeGenderCode", nullFlavor=patient.sex.value)
    elif patient.sex:
        sub(player, "administrativeGenderCode", code=str(patient.sex), codeSystem=CS_SEX)
    if patient.birth_date is not None:
        sub(player, "birthTime", value=ts(patient.birth_date))
    if patient.death and patient.death.date_of_death is not None:
        sub(player, "deceasedTime", value=ts(patient.death.date_of_death))


def write_study(role: etree._Element, study: Study) -> None:
    """C.5 study identification (with FDA.C.5.5a/b and FDA.C.5.6.r)."""
    research = sub(
        sub(role, "subjectOf1", typeCode="SBJ"),
        "researchStudy",
        classCode="CLNTRL",
        moodCode="EVN",
    )
    if isinstance(study.sponsor_study_number, NullFlavor):
        sub(research, "id", nullFlavor=study.sponsor_study_number.value)
    elif study.sponsor_study_number:
        sub(research, "id", extension=study.sponsor_study_number, root=OID_SPONSOR_STUDY)
    if study.study_type:
        sub(research, "code", code=study.study_type, codeSystem=CS_STUDY_TYPE)
    text_sub(research, "title", study.name)
    registrations = [(n, c, OID_STUDY_REG) for n, c in study.registrations]
    registrations += [(n, None, OID_FDA_IND) for n in [study.ind_number] if n]
    registrations += [(n, None, OID_FDA_PRE_ANDA) for n in [study.pre_anda_number] if n]
    registrations += [(n, None, OID_FDA_CROSS_IND) for n in study.cross_reported_inds]
    for reg_number, country, root in registrations:
        reg = sub(
            sub(research, "authorization", typeCode="AUTH"),
            "studyRegistration",
            classCode="ACT",
            moodCode="EVN",
        )
        sub(reg, "id", extension=reg_number, root=root)
        if country:
            place = sub(
                sub(sub(reg, "author", typeCode="AUT"), "territorialAuthority", classCode="TERR"),
                "governingPlace",
                classCode="COUNTRY",
                determinerCode="INSTANCE",
            )
            sub(place, "code", code=country, codeSystem=CS_COUNTRY)


def write_characteristics(role: etree._Element, patient: Patient) -> None:
    """D.2.2, D.2.2.1, D.2.3, D.3, D.4, D.6, FDA.D.11.r, FDA.D.12."""
    if patient.age:
        pq(subject_observation(role, "3"), "value", patient.age, xsi_type="PQ")
    if patient.gestation_period:
        pq(subject_observation(role, "16"), "value", patient.gestation_period, xsi_type="PQ")
    if patient.age_group:
        obs = subject_observation(role, "4")
        sub(obs, "value", xsi_type="CE", code=str(patient.age_group), codeSystem=CS_AGE_GROUP)
    if patient.weight_kg is not None:
        obs = subject_observation(role, "7")
        sub(obs, "value", xsi_type="PQ", value=number(patient.weight_kg), unit="kg")
    if patient.height_cm is not None:
        obs = subject_observation(role, "17")
        sub(obs, "value", xsi_type="PQ", value=number(patient.height_cm), unit="cm")
    if patient.last_menstrual_period is not None:
        obs = subject_observation(role, "22")
        sub(obs, "value", xsi_type="TS", value=ts(patient.last_menstrual_period))
    unknown = NullFlavor.NA if patient.name == NullFlavor.NA else NullFlavor.UNK
    races: list[str | None] = list(patient.race_codes) or [None]
    for race in races:
        obs = subject_observation(role, NCIT_RACE, CS_NCIT)
        attrs = {"code": race, "codeSystem": CS_NCIT} if race else {"nullFlavor": unknown.value}
        sub(obs, "value", xsi_type="CE", **attrs)
    obs = subject_observation(role, NCIT_ETHNICITY, CS_NCIT)
    if patient.ethnicity_code:
        sub(obs, "value", xsi_type="CE", code=patient.ethnicity_code, codeSystem=CS_NCIT)
    else:
        sub(obs, "value", xsi_type="CE", nullFlavor=unknown.value)


def organizer(role: etree._Element, category: str) -> etree._Element:
    """A primaryRole/subjectOf2/organizer of the given ICH category."""
    org = sub(sub(role, "subjectOf2", typeCode="SBJ"), "organizer", classCode="CATEGORY")
    org.set("moodCode", "EVN")
    sub(org, "code", code=category, codeSystem=CS_CATEGORY)
    return org


def write_history(role: etree._Element, patient: Patient) -> None:
    """D.7.1.r, D.7.2, D.7.3 (category 1) and D.8.r (category 2)."""
    if patient.medical_history or patient.medical_history_text or patient.concomitant_therapies:
        _write_medical_history(organizer(role, "1"), patient)
    if patient.past_drugs:
        _write_past_drugs(organizer(role, "2"), patient)


def _write_medical_history(org: etree._Element, patient: Patient) -> None:
    """D.7.1.r episodes, D.7.2 text and D.7.3 concomitant therapies."""
    for entry in patient.medical_history:
        obs = sub(sub(org, "component", typeCode="COMP"), "observation", classCode="OBS")
        obs.set("moodCode", "EVN")
        if entry.meddra:
            sub(
                obs,
                "code",
                code=entry.meddra.code,
                codeSystem=CS_MEDDRA,
                codeSystemVersion=entry.meddra.version,
            )
        ivl_ts(obs, entry.start, entry.end)
        if entry.comments:
            c = observation(sub(obs, "outboundRelationship2", typeCode="COMP"), "10")
            sub(c, "value", xsi_type="ED").text = entry.comments
        if entry.family_history is not None:
            c = observation(sub(obs, "outboundRelationship2", typeCode="EXPL"), "38")
            bl_value(c, entry.family_history)
        if entry.continuing is not None:
            c = observation(sub(obs, "inboundRelationship", typeCode="REFR"), "13")
            bl_value(c, entry.continuing)
    if patient.medical_history_text:
        obs = observation(sub(org, "component", typeCode="COMP"), "18")
        sub(obs, "value", xsi_type="ED").text = patient.medical_history_text
    if patient.concomitant_therapies is not None:
        bl_value(
            observation(sub(org, "component", typeCode="COMP"), "11"),
            patient.concomitant_therapies,
        )


def _write_past_drugs(org: etree._Element, patient: Patient) -> None:
    """D.8.r: past drug history with indication and reaction."""
    for drug in patient.past_drugs:
        adm = sub(
            sub(org, "component", typeCode="COMP"),
            "substanceAdministration",
            classCode="SBADM",
            moodCode="EVN",
        )
        ivl_ts(adm, drug.start, drug.end)
        kind = sub(
            sub(sub(adm, "consumable", typeCode="CSM"), "instanceOfKind", classCode="INST"),
            "kindOfProduct",
            classCode="MMAT",
            determinerCode="KIND",
        )
        sub(kind, "name").text = drug.name
        for code, rel, obs_code in (
            (drug.indication, "RSON", "19"),
            (drug.reaction, "CAUS", "29"),
        ):
            if code:
                obs = observation(sub(adm, "outboundRelationship2", typeCode=rel), obs_code)
                meddra_value(obs, code)


def write_death(role: etree._Element, death: DeathInfo | None) -> None:
    """D.9.2.r reported causes and D.9.3 / D.9.4.r autopsy."""
    if death is None:
        return
    causes: list[tuple[MedDRACode | None, str | None]] = list(
        zip(death.reported_cause_codes, death.reported_causes, strict=False)
    )
    causes += [(None, text) for text in death.reported_causes[len(causes) :]]
    causes += [(code, None) for code in death.reported_cause_codes[len(causes) :]]
    for code, text in causes:
        meddra_value(subject_observation(role, "32"), code, text)
    if death.autopsy_done is not None or death.autopsy_causes:
        obs = subject_observation(role, "5")
        bl_value(obs, death.autopsy_done if death.autopsy_done is not None else True)
        for text in death.autopsy_causes:
            cause = observation(sub(obs, "outboundRelationship2", typeCode="DRIV"), "8")
            meddra_value(cause, None, text)


def write_reaction(role: etree._Element, reaction: Reaction) -> None:
    """E.i one reaction / event with its seriousness, outcome and country."""
    obs = sub(sub(role, "subjectOf2", typeCode="SBJ"), "observation", classCode="OBS")
    obs.set("moodCode", "EVN")
    sub(obs, "id", root=reference_id(reaction.id))
    sub(obs, "code", code="29", codeSystem=CS_OBS)
    ivl_ts(obs, reaction.start, reaction.end, reaction.duration)
    value = meddra_value(obs, reaction.meddra)
    if reaction.verbatim:
        sub(value, "originalText", language=reaction.verbatim_language).text = reaction.verbatim
    if reaction.country:
        place = sub(
            sub(sub(obs, "location", typeCode="LOC"), "locatedEntity", classCode="LOCE"),
            "locatedPlace",
            classCode="COUNTRY",
            determinerCode="INSTANCE",
        )
        sub(place, "code", code=reaction.country, codeSystem=CS_COUNTRY)
    if reaction.translation:
        rel = observation(sub(obs, "outboundRelationship2", typeCode="PERT"), "30")
        sub(rel, "value", xsi_type="ED").text = reaction.translation
    if reaction.highlighted:
        rel = observation(sub(obs, "outboundRelationship2", typeCode="PERT"), "37")
        sub(rel, "value", xsi_type="CE", code=str(reaction.highlighted), codeSystem=CS_HIGHLIGHTED)
    for attr, code, system in SERIOUSNESS_CODES:
        rel = observation(sub(obs, "outboundRelationship2", typeCode="PERT"), code, system)
        bl_value(rel, True if getattr(reaction.seriousness, attr) else None)
    outcome = observation(sub(obs, "outboundRelationship2", typeCode="PERT"), "27")
    sub(
        outcome,
        "value",
        xsi_type="CE",
        code=str(reaction.outcome or Outcome.UNKNOWN),
        codeSystem=CS_OUTCOME,
    )
    if reaction.medically_confirmed is not None:
        rel = observation(sub(obs, "outboundRelationship2", typeCode="PERT"), "24")
        bl_value(rel, reaction.medically_confirmed)


def write_test(org: etree._Element, test: TestResult) -> None:
    """F.r one test or procedure."""
    obs = sub(sub(org, "component", typeCode="COMP"), "observation", classCode="OBS")
    obs.set("moodCode", "EVN")
    if test.meddra:
        code = sub(
            obs,
            "code",
            code=test.meddra.code,
            codeSystem=CS_MEDDRA,
            codeSystemVersion=test.meddra.version,
        )
    else:
        code = sub(obs, "code")
    text_sub(code, "originalText", test.name)
    if test.date is not None:
        sub(obs, "effectiveTime", value=ts(test.date))
    if test.result_value is not None:
        center = sub(sub(obs, "value", xsi_type="IVL_PQ"), "center", value=test.result_value)
        center.set("unit", test.result_unit or "1")
    elif test.result_text:
        sub(obs, "value", xsi_type="ED").text = test.result_text
    if test.result_code:
        sub(obs, "interpretationCode", code=test.result_code, codeSystem=CS_TEST_RESULT)
    for limit, interpretation in ((test.normal_low, "L"), (test.normal_high, "H")):
        if limit is not None:
            rng = sub(
                sub(obs, "referenceRange", typeCode="REFV"),
                "observationRange",
                classCode="OBS",
                moodCode="EVN.CRT",
            )
            sub(rng, "value", xsi_type="PQ", value=limit, unit=test.result_unit or "1")
            sub(rng, "interpretationCode", code=interpretation, codeSystem="2.16.840.1.113883.5.83")
    if test.comments:
        rel = observation(sub(obs, "outboundRelationship2", typeCode="PERT"), "10")
        sub(rel, "value", xsi_type="ED").text = test.comments
    if test.more_info is not None:
        bl_value(
            observation(sub(obs, "outboundRelationship2", typeCode="REFR"), "25"), test.more_info
        )
