"""E2B(R3) code lists used by the ICSR data classes (codes as sent in the XML)."""

from enum import StrEnum


class NullFlavor(StrEnum):
    """HL7 null flavors allowed by E2B(R3) (allowed set differs per element)."""

    NI = "NI"  # no information
    UNK = "UNK"  # unknown
    MSK = "MSK"  # masked (privacy)
    ASKU = "ASKU"  # asked but unknown
    NASK = "NASK"  # not asked
    NA = "NA"  # not applicable
    NINF = "NINF"
    PINF = "PINF"


class ReportType(StrEnum):
    """C.1.3 Type of report (OID 2.16.840.1.113883.3.989.2.1.1.2)."""

    SPONTANEOUS = "1"
    STUDY = "2"
    OTHER = "3"
    NOT_AVAILABLE_TO_SENDER = "4"


class LocalCriteriaReportType(StrEnum):
    """FDA.C.1.7.1 Local criteria report type (OID 2.16.840.1.113883.3.989.5.1.2.2.1.1.1)."""

    FIFTEEN_DAY = "1"
    NON_EXPEDITED = "2"
    FIVE_DAY = "4"
    THIRTY_DAY = "5"
    SEVEN_DAY = "6"


class FirstSender(StrEnum):
    """C.1.8.2 First sender of this case (OID 2.16.840.1.113883.3.989.2.1.1.3)."""

    REGULATOR = "1"
    OTHER = "2"


class NullificationKind(StrEnum):
    """C.1.11.1 Report nullification / amendment (OID 2.16.840.1.113883.3.989.2.1.1.5)."""

    NULLIFICATION = "1"
    AMENDMENT = "2"


class Qualification(StrEnum):
    """C.2.r.4 Reporter qualification (OID 2.16.840.1.113883.3.989.2.1.1.6)."""

    PHYSICIAN = "1"
    PHARMACIST = "2"
    OTHER_HEALTH_PROFESSIONAL = "3"
    LAWYER = "4"
    CONSUMER = "5"


class SenderType(StrEnum):
    """C.3.1 Sender type (OID 2.16.840.1.113883.3.989.2.1.1.7)."""

    PHARMACEUTICAL_COMPANY = "1"
    REGULATORY_AUTHORITY = "2"
    HEALTH_PROFESSIONAL = "3"
    REGIONAL_PV_CENTRE = "4"
    WHO_COLLABORATING_CENTRE = "5"
    OTHER = "6"
    PATIENT_CONSUMER = "7"


class Sex(StrEnum):
    """D.5 Sex (ISO 5218, OID 1.0.5218)."""

    MALE = "1"
    FEMALE = "2"


class AgeGroup(StrEnum):
    """D.2.3 Patient age group as per reporter (OID 2.16.840.1.113883.3.989.2.1.1.9)."""

    FOETUS = "0"
    NEONATE = "1"
    INFANT = "2"
    CHILD = "3"
    ADOLESCENT = "4"
    ADULT = "5"
    ELDERLY = "6"


class Outcome(StrEnum):
    """E.i.7 Outcome of reaction at last observation (OID 2.16.840.1.113883.3.989.2.1.1.11)."""

    UNKNOWN = "0"
    RECOVERED = "1"
    RECOVERING = "2"
    NOT_RECOVERED = "3"
    RECOVERED_WITH_SEQUELAE = "4"
    FATAL = "5"


class TermHighlighted(StrEnum):
    """E.i.3.1 Term highlighted by the reporter (OID 2.16.840.1.113883.3.989.2.1.1.10)."""

    YES_NOT_SERIOUS = "1"
    NO_NOT_SERIOUS = "2"
    YES_SERIOUS = "3"
    NO_SERIOUS = "4"


class DrugRole(StrEnum):
    """G.k.1 Characterisation of drug role (OID 2.16.840.1.113883.3.989.2.1.1.13)."""

    SUSPECT = "1"
    CONCOMITANT = "2"
    INTERACTING = "3"
    NOT_ADMINISTERED = "4"


class ActionTaken(StrEnum):
    """G.k.8 Action(s) taken with drug (OID 2.16.840.1.113883.3.989.2.1.1.15)."""

    UNKNOWN = "0"
    WITHDRAWN = "1"
    DOSE_REDUCED = "2"
    DOSE_INCREASED = "3"
    DOSE_NOT_CHANGED = "4"
    NOT_APPLICABLE = "9"
