"""One ICH E2B(R3) ICSR message in domain terms, independent of any database.

These dataclasses are the contract between the SafetyCase models (which map into them) and the
XML layer (``writer.build_icsr_xml`` / ``reader.parse_icsr_xml``). Field comments carry the
E2B(R3) data element numbers (ICH IG v5.02 and FDA regional "FDA.*" elements) so a reviewer can
check the mapping against the spreadsheet without reading XPaths.

Conventions:
- A date element is a :data:`Timestamp`: a ``date`` (day precision), an aware ``datetime``
  (written with its UTC offset), or a ``str`` holding an HL7 TS literal for partial precision
  (``"2014"``, ``"201410"``) or a time without zone. The reader returns ``date``/``datetime``
  where the literal allows, else the literal itself.
- A value that is missing *for a reason* is a :class:`NullFlavor`; ``None`` means "not given"
  and the writer uses the element's default null flavor where the element is required.
- Coded values are ``StrEnum`` members holding the E2B code; ``str`` is accepted as well so an
  unknown code read from a partner's file is not lost.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from caredesk.safety.e2b.codes import (
    ActionTaken,
    AgeGroup,
    DrugRole,
    FirstSender,
    LocalCriteriaReportType,
    NullFlavor,
    NullificationKind,
    Outcome,
    Qualification,
    ReportType,
    SenderType,
    Sex,
    TermHighlighted,
)

Timestamp = date | datetime | str


def new_uuid() -> str:
    """Ids linking reactions and drugs inside one document (E.i / G.k / G.k.9.i)."""
    return str(uuid.uuid4())


@dataclass
class Quantity:
    """A number with a UCUM unit (ages ``a``/``mo``/``wk``/``d``, ``kg``, ``cm``, ``mg``...)."""

    value: Decimal | int | float
    unit: str = "1"


@dataclass
class MedDRACode:
    """A MedDRA LLT code with its version (the ``*a`` / ``*b`` element pairs)."""

    code: str
    version: str | None = None


@dataclass
class MessageHeader:
    """N.1 batch header and N.2.r message header (one ICSR per message)."""

    batch_number: str  # N.1.2 batch number
    batch_sender: str  # N.1.3 batch sender identifier
    batch_receiver: str  # N.1.4 batch receiver identifier (ZZFDA, ZZFDA_PREMKT...)
    batch_created: Timestamp  # N.1.5 date of batch transmission
    message_number: str  # N.2.r.1 message identifier
    message_sender: str  # N.2.r.2 message sender identifier
    message_receiver: str  # N.2.r.3 message receiver identifier (CDER, CBER...)
    message_created: Timestamp  # N.2.r.4 date of message creation


@dataclass
class LinkedReport:
    """C.1.9.1.r other case identifiers (source + id) or C.1.10.r linked report numbers."""

    identifier: str
    source: str | None = None  # C.1.9.1.r.1 source of the case identifier


@dataclass
class CaseIdentification:
    """C.1 Identification of the case safety report."""

    safety_report_id: str  # C.1.1 sender's (case) safety report unique identifier
    created: Timestamp  # C.1.2 date of creation
    report_type: ReportType | str  # C.1.3 type of report
    first_received: Timestamp  # C.1.4 date report was first received from source (day 0)
    most_recent_info: Timestamp  # C.1.5 date of most recent information for this report
    worldwide_case_id: str  # C.1.8.1 worldwide unique case identification number
    first_sender: FirstSender | str = FirstSender.OTHER  # C.1.8.2 first sender of this case
    additional_documents: bool = False  # C.1.6.1 are additional documents available?
    document_titles: list[str] = field(default_factory=list)  # C.1.6.1.r.1 documents held
    fulfil_expedited_criteria: bool | NullFlavor | None = None  # C.1.7 (NI when None)
    fda_report_type: LocalCriteriaReportType | str | None = None  # FDA.C.1.7.1
    combination_product: bool | None = None  # FDA.C.1.12 combination product indicator
    other_case_ids: list[LinkedReport] = field(default_factory=list)  # C.1.9.1.r (C.1.9.1)
    linked_reports: list[str] = field(default_factory=list)  # C.1.10.r
    nullification: NullificationKind | str | None = None  # C.1.11.1
    nullification_reason: str | None = None  # C.1.11.2


@dataclass
class PrimarySource:
    """C.2.r Primary source(s) of information (reporter)."""

    qualification: Qualification | str | NullFlavor | None  # C.2.r.4 (UNK allowed)
    title: str | NullFlavor | None = None  # C.2.r.1.1
    given_name: str | NullFlavor | None = None  # C.2.r.1.2
    middle_name: str | NullFlavor | None = None  # C.2.r.1.3
    family_name: str | NullFlavor | None = None  # C.2.r.1.4
    organisation: str | NullFlavor | None = None  # C.2.r.2.1
    department: str | NullFlavor | None = None  # C.2.r.2.2
    street: str | NullFlavor | None = None  # C.2.r.2.3
    city: str | NullFlavor | None = None  # C.2.r.2.4
    state: str | NullFlavor | None = None  # C.2.r.2.5
    postcode: str | NullFlavor | None = None  # C.2.r.2.6
    telephone: str | NullFlavor | None = None  # C.2.r.2.7
    email: str | NullFlavor | None = None  # FDA.C.2.r.2.8 reporter's e-mail
    country: str | None = None  # C.2.r.3 reporter's country code (ISO 3166-1 alpha-2)
    primary_for_regulatory_purposes: bool = False  # C.2.r.5


@dataclass
class Sender:
    """C.3 Information on sender of case safety report."""

    sender_type: SenderType | str  # C.3.1
    organisation: str  # C.3.2 sender's organisation
    department: str | None = None  # C.3.3.1
    title: str | None = None  # C.3.3.2
    given_name: str | None = None  # C.3.3.3
    middle_name: str | None = None  # C.3.3.4
    family_name: str | None = None  # C.3.3.5
    street: str | None = None  # C.3.4.1
    city: str | None = None  # C.3.4.2
    state: str | None = None  # C.3.4.3
    postcode: str | None = None  # C.3.4.4
    country: str | None = None  # C.3.4.5
    telephone: str | None = None  # C.3.4.6
    fax: str | None = None  # C.3.4.7
    email: str | None = None  # C.3.4.8


@dataclass
class Study:
    """C.5 Study identification (for C.1.3 = 2, e.g. FDA IND safety reports)."""

    name: str | NullFlavor | None = None  # C.5.2 study name
    sponsor_study_number: str | NullFlavor | None = None  # C.5.3
    study_type: str | None = None  # C.5.4 (1 clinical trial, 2 individual use, 3 other)
    registrations: list[tuple[str, str | None]] = field(default_factory=list)  # C.5.1.r.1/2
    ind_number: str | None = None  # FDA.C.5.5a IND number where AE occurred
    pre_anda_number: str | None = None  # FDA.C.5.5b pre-ANDA number where AE occurred
    cross_reported_inds: list[str] = field(default_factory=list)  # FDA.C.5.6.r


@dataclass
class MedicalHistoryEntry:
    """D.7.1.r Structured medical history episode."""

    meddra: MedDRACode | None = None  # D.7.1.r.1a/b
    start: Timestamp | None = None  # D.7.1.r.2
    continuing: bool | None = None  # D.7.1.r.3
    end: Timestamp | None = None  # D.7.1.r.4
    comments: str | None = None  # D.7.1.r.5
    family_history: bool | None = None  # D.7.1.r.6


@dataclass
class PastDrug:
    """D.8.r Relevant past drug history."""

    name: str  # D.8.r.1 name of drug as reported
    start: Timestamp | None = None  # D.8.r.4
    end: Timestamp | None = None  # D.8.r.5
    indication: MedDRACode | None = None  # D.8.r.6a/b
    reaction: MedDRACode | None = None  # D.8.r.7a/b


@dataclass
class DeathInfo:
    """D.9 In case of death."""

    date_of_death: Timestamp | None = None  # D.9.1
    reported_causes: list[str] = field(default_factory=list)  # D.9.2.r.2 (free text)
    reported_cause_codes: list[MedDRACode] = field(default_factory=list)  # D.9.2.r.1a/b
    autopsy_done: bool | NullFlavor | None = None  # D.9.3
    autopsy_causes: list[str] = field(default_factory=list)  # D.9.4.r.2 (free text)


@dataclass
class Patient:
    """D Patient characteristics."""

    name: str | NullFlavor | None  # D.1 patient (name or initials); MSK/ASKU/NASK/UNK
    birth_date: Timestamp | None = None  # D.2.1 date of birth
    age: Quantity | None = None  # D.2.2a/b age at onset (unit a, mo, wk, d, h, dec)
    gestation_period: Quantity | None = None  # D.2.2.1a/b (foetus)
    age_group: AgeGroup | str | None = None  # D.2.3
    weight_kg: Decimal | float | None = None  # D.3 body weight (kg)
    height_cm: Decimal | float | None = None  # D.4 height (cm)
    sex: Sex | str | NullFlavor | None = None  # D.5
    last_menstrual_period: Timestamp | None = None  # D.6
    medical_history: list[MedicalHistoryEntry] = field(default_factory=list)  # D.7.1.r
    medical_history_text: str | None = None  # D.7.2
    concomitant_therapies: bool | None = None  # D.7.3
    past_drugs: list[PastDrug] = field(default_factory=list)  # D.8.r
    death: DeathInfo | None = None  # D.9
    race_codes: list[str] = field(default_factory=list)  # FDA.D.11.r (NCIt codes, C41260...)
    ethnicity_code: str | None = None  # FDA.D.12 (NCIt code, e.g. C41222)


@dataclass
class Seriousness:
    """E.i.3.2a-f seriousness criteria at event level (+ FDA.E.i.3.2h).

    ``True`` is written as ``value="true"``; anything else as nullFlavor NI (E2B(R3) never
    sends ``false`` for these flags).
    """

    death: bool = False  # E.i.3.2a results in death
    life_threatening: bool = False  # E.i.3.2b
    hospitalisation: bool = False  # E.i.3.2c caused / prolonged hospitalisation
    disability: bool = False  # E.i.3.2d disabling / incapacitating
    congenital_anomaly: bool = False  # E.i.3.2e congenital anomaly / birth defect
    other_medically_important: bool = False  # E.i.3.2f
    required_intervention: bool = False  # FDA.E.i.3.2h required intervention (devices)

    @property
    def is_serious(self) -> bool:
        """ICH seriousness: any of E.i.3.2a-f."""
        return any(
            (
                self.death,
                self.life_threatening,
                self.hospitalisation,
                self.disability,
                self.congenital_anomaly,
                self.other_medically_important,
            )
        )


@dataclass
class Reaction:
    """E.i Reaction(s) / event(s)."""

    verbatim: str | None  # E.i.1.1a reaction as reported by the primary source (native)
    meddra: MedDRACode | None = None  # E.i.2.1a/b MedDRA version + LLT code
    verbatim_language: str | None = None  # E.i.1.1b (ISO 639-2, e.g. "fra")
    translation: str | None = None  # E.i.1.2 reaction for translation (English)
    highlighted: TermHighlighted | str | None = None  # E.i.3.1
    seriousness: Seriousness = field(default_factory=Seriousness)  # E.i.3.2a-f
    start: Timestamp | None = None  # E.i.4
    end: Timestamp | None = None  # E.i.5
    duration: Quantity | None = None  # E.i.6a/b
    outcome: Outcome | str | None = None  # E.i.7 (required; UNKNOWN when None)
    medically_confirmed: bool | None = None  # E.i.8
    country: str | None = None  # E.i.9 (ISO 3166-1 alpha-2)
    id: str = field(default_factory=new_uuid)  # link target for G.k.9.i.1


@dataclass
class TestResult:
    """F.r Results of tests and procedures relevant to the investigation."""

    name: str | None = None  # F.r.2.1 test name (free text)
    meddra: MedDRACode | None = None  # F.r.2.2a/b
    date: Timestamp | None = None  # F.r.1
    result_value: str | None = None  # F.r.3.2 (number, optionally with qualifier)
    result_unit: str | None = None  # F.r.3.3 (UCUM)
    result_code: str | None = None  # F.r.3.1 (1 positive, 2 negative, 3 borderline, 4 n/c)
    result_text: str | None = None  # F.r.3.4 result unstructured data
    normal_low: str | None = None  # F.r.4
    normal_high: str | None = None  # F.r.5
    comments: str | None = None  # F.r.6
    more_info: bool | None = None  # F.r.7


@dataclass
class ActiveSubstance:
    """G.k.2.3.r Substance / specified substance identifier and strength."""

    name: str  # G.k.2.3.r.1
    termid: str | None = None  # G.k.2.3.r.2b (e.g. UNII)
    termid_version: str | None = None  # G.k.2.3.r.2a
    strength: Quantity | None = None  # G.k.2.3.r.3a/b


@dataclass
class Dosage:
    """G.k.4.r Dosage and relevant information."""

    dose: Quantity | None = None  # G.k.4.r.1a/b dose (number, unit)
    frequency: Quantity | None = None  # G.k.4.r.2 / G.k.4.r.3 number of units in the interval
    start: Timestamp | None = None  # G.k.4.r.4 date and time of start of drug
    end: Timestamp | None = None  # G.k.4.r.5 date and time of last administration
    duration: Quantity | None = None  # G.k.4.r.6a/b duration of drug administration
    lot_number: str | None = None  # G.k.4.r.7 batch / lot number
    text: str | None = None  # G.k.4.r.8 dosage text
    dose_form: str | None = None  # G.k.4.r.9.1 pharmaceutical dose form (free text)
    route_text: str | None = None  # G.k.4.r.10.1 route of administration (free text)
    route_code: str | None = None  # G.k.4.r.10.2b route TermID (EDQM, e.g. "001" oral)
    route_code_version: str | None = None  # G.k.4.r.10.2a


@dataclass
class Indication:
    """G.k.7.r Indication for use in case."""

    text: str | None = None  # G.k.7.r.1 indication as reported by the primary source
    meddra: MedDRACode | None = None  # G.k.7.r.2a/b


@dataclass
class CausalityAssessment:
    """G.k.9.i.2.r Assessment of relatedness of drug to reaction(s) / event(s)."""

    source: str  # G.k.9.i.2.r.1 e.g. "PRIMARY SOURCE REPORTER", "PHARMACEUTICAL COMPANY"
    method: str  # G.k.9.i.2.r.2 e.g. "Global Introspection", "WHO-UMC"
    result: str  # G.k.9.i.2.r.3 e.g. "Suspected", "Not Suspected", "Probable"


@dataclass
class DrugReactionRelation:
    """G.k.9.i Drug-reaction(s) / event(s) matrix for one drug and one reaction."""

    reaction_id: str  # G.k.9.i.1 reaction assessed (links to Reaction.id)
    assessments: list[CausalityAssessment] = field(default_factory=list)  # G.k.9.i.2.r
    interval_from_start: Quantity | None = None  # G.k.9.i.3.1a/b
    interval_from_last_dose: Quantity | None = None  # G.k.9.i.3.2a/b
    recurred_on_readministration: str | None = None  # G.k.9.i.4 (1 yes-yes, 2 yes-no, 3 unk, 4 no)


@dataclass
class Drug:
    """G.k Drug(s) information."""

    role: DrugRole | str  # G.k.1 characterisation of drug role
    product_name: str  # G.k.2.2 medicinal product name as reported by the primary source
    product_code: str | None = None  # G.k.2.1.1b MPID/PhPID (FDA: NDC)
    product_code_system: str | None = None  # code system OID of product_code
    product_code_version: str | None = None  # G.k.2.1.1a
    substances: list[ActiveSubstance] = field(default_factory=list)  # G.k.2.3.r
    country_obtained: str | None = None  # G.k.2.4
    investigational_blinded: bool | None = None  # G.k.2.5
    authorisation_number: str | None = None  # G.k.3.1 (FDA: NDA/ANDA/BLA/IND number)
    authorisation_country: str | None = None  # G.k.3.2
    holder: str | None = None  # G.k.3.3 name of holder / applicant
    dosages: list[Dosage] = field(default_factory=list)  # G.k.4.r
    cumulative_dose: Quantity | None = None  # G.k.5a/b cumulative dose to first reaction
    indications: list[Indication] = field(default_factory=list)  # G.k.7.r
    action_taken: ActionTaken | str | None = None  # G.k.8
    reactions: list[DrugReactionRelation] = field(default_factory=list)  # G.k.9.i
    additional_info: str | None = None  # G.k.11 additional information on drug (free text)
    id: str = field(default_factory=new_uuid)  # link target for G.k.9.i / G.k.1

    @property
    def lot_numbers(self) -> list[str]:
        """G.k.4.r.7 of every dosage line, in order."""
        return [d.lot_number for d in self.dosages if d.lot_number]


@dataclass
class Narrative:
    """H Narrative case summary and further information."""

    case_narrative: str  # H.1 case narrative (clinical course, therapeutic measures, outcome)
    reporter_comments: str | None = None  # H.2 reporter's comments
    sender_diagnoses: list[MedDRACode] = field(default_factory=list)  # H.3.r.1a/b
    sender_comments: str | None = None  # H.4 sender's comments
    summaries: list[tuple[str, str | None]] = field(default_factory=list)  # H.5.r.1a/b


@dataclass
class ICSRMessage:
    """One ICSR (PORR_IN049016UV) with its batch/message header: sections N, C to H."""

    header: MessageHeader  # N.1 / N.2.r
    case: CaseIdentification  # C.1
    sender: Sender  # C.3
    patient: Patient  # D
    reactions: list[Reaction]  # E.i (at least one)
    drugs: list[Drug]  # G.k (at least one suspect/interacting)
    narrative: Narrative  # H
    primary_sources: list[PrimarySource] = field(default_factory=list)  # C.2.r
    literature: list[str] = field(default_factory=list)  # C.4.r.1 literature references
    study: Study | None = None  # C.5
    tests: list[TestResult] = field(default_factory=list)  # F.r
