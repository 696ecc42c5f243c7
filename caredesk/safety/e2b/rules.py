"""FDA E2B(R3) business rules that can be checked on one ICSR, as code.

Sources: ICH/FDA conformance columns of ``fda_icsr_data_elements.csv`` (required elements) and
``fda_rejection_warning_rules.csv`` (rule ids R0xxx = rejection, W0xxx = warning). Rules checked
here are listed in ``COVERED_RULES``; the rest need data we do not carry (device FDA.G.k.12,
parent D.10, registered product names, earlier transmissions) and are left to FDA's gateway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import ICSRMessage, MedDRACode, Timestamp
from caredesk.safety.e2b.xmlutil import ts


class Severity(StrEnum):
    """REJECTION: FDA refuses the ICSR; WARNING: accepted but flagged."""

    REJECTION = "rejection"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding: rule id, E2B data element, text, severity, ICSR index in the batch."""

    rule: str  # "XSD", "ICH-REQUIRED", "FDA-REQUIRED", "FDA-DATE" or an FDA id (R0014, W0005)
    element: str  # E2B(R3) data element number, e.g. "C.1.4", "FDA.C.1.7.1"
    message: str
    severity: Severity = Severity.REJECTION
    icsr: int | None = None  # 0-based index of the ICSR in the batch (None: batch level)

    def __str__(self) -> str:
        where = "" if self.icsr is None else f" (ICSR #{self.icsr + 1})"
        return f"[{self.rule}] {self.element}: {self.message}{where}"


COVERED_RULES = (
    "ICH-REQUIRED N.1.2-N.1.5 N.2.r.1-4 C.1.1-C.1.5 C.1.7 C.1.8.1 C.1.8.2 C.3.1 D.1 E.i "
    "E.i.2.1a/b E.i.7 G.k G.k.1 G.k.2.2 H.1 C.2.r (one primary source)",
    "FDA-REQUIRED FDA.C.1.7.1 FDA.C.1.12 FDA.C.2.r.2.8 C.3.3.1-C.3.3.5 C.3.4.1-C.3.4.8 "
    "FDA.D.11.r FDA.D.12 (the last two on the XML, see validate.py)",
    "FDA-DATE minimum precision CCYYMMDD for C.1.4/C.1.5, full precision for C.1.2, no future",
    "R0004 R0005 R0006 R0007 R0100 R0111 R0112 R0009 R0011 R0012 R0013 R0014 R0015 R0016 R0019 "
    "R0020 R0021 R0022 R0023 R0024 R0025 R0107 R0108 R0041 R0045 R0058 R0067 R0069 R0070 R0074 "
    "R0083 R0085 R0086 R0087 R0097 W0005",
)

POSTMARKET = "ZZFDA"
PREMARKET = "ZZFDA_PREMKT"
IND_CENTERS = ("CDER_IND", "CBER_IND")
BA_BE = "CDER_IND_EXEMPT_BA_BE"

Found = Iterator[tuple[str, str, str] | tuple[str, str, str, Severity]]


def missing(value: object) -> bool:
    """Absent or empty; a NullFlavor counts as given (it is an allowed answer)."""
    return value is None or (
        isinstance(value, str) and not isinstance(value, NullFlavor) and not value.strip()
    )


def required(pairs: Sequence[tuple[str, object]], rule: str) -> Found:
    for element, value in pairs:
        if missing(value):
            yield rule, element, f"Data value required for tag {element}"


def _ich_header_elements(m: ICSRMessage) -> Sequence[tuple[str, object]]:
    h, c, s, n = m.header, m.case, m.sender, m.narrative
    return [
        ("N.1.2", h.batch_number),
        ("N.1.3", h.batch_sender),
        ("N.1.4", h.batch_receiver),
        ("N.1.5", h.batch_created),
        ("N.2.r.1", h.message_number),
        ("N.2.r.2", h.message_sender),
        ("N.2.r.3", h.message_receiver),
        ("N.2.r.4", h.message_created),
        ("C.1.1", c.safety_report_id),
        ("C.1.2", c.created),
        ("C.1.3", c.report_type),
        ("C.1.4", c.first_received),
        ("C.1.5", c.most_recent_info),
        ("C.1.7", c.fulfil_expedited_criteria),
        ("C.1.8.1", c.worldwide_case_id),
        ("C.1.8.2", c.first_sender),
        ("C.3.1", s.sender_type),
        ("D.1", m.patient.name),
        ("H.1", n.case_narrative),
    ]


def _fda_elements(m: ICSRMessage) -> Sequence[tuple[str, object]]:
    c, s = m.case, m.sender
    fields: list[tuple[str, object]] = [
        ("FDA.C.1.7.1", c.fda_report_type),
        ("FDA.C.1.12", c.combination_product),
        ("C.3.3.1", s.department),
        ("C.3.3.2", s.title),
        ("C.3.3.3", s.given_name),
        ("C.3.3.5", s.family_name),
        ("C.3.4.1", s.street),
        ("C.3.4.2", s.city),
        ("C.3.4.3", s.state),
        ("C.3.4.4", s.postcode),
        ("C.3.4.5", s.country),
        ("C.3.4.6", s.telephone),
        ("C.3.4.7", s.fax),
        ("C.3.4.8", s.email),
    ]
    return fields + [("FDA.C.2.r.2.8", p.email) for p in m.primary_sources]


def _reaction_problems(m: ICSRMessage) -> Found:
    if not m.reactions:
        yield "ICH-REQUIRED", "E.i", "At least one reaction / event (E.i) is required"
    for i, r in enumerate(m.reactions, 1):
        if r.meddra is None or missing(r.meddra.code):
            yield (
                "ICH-REQUIRED",
                "E.i.2.1b",
                f"Data value required for tag E.i.2.1b (reaction #{i})",
            )
        elif missing(r.meddra.version):
            yield (
                "ICH-REQUIRED",
                "E.i.2.1a",
                f"Data value required for tag E.i.2.1a (reaction #{i})",
            )
        if missing(r.outcome):
            yield "ICH-REQUIRED", "E.i.7", f"Data value required for tag E.i.7 (reaction #{i})"


def _drug_problems(m: ICSRMessage) -> Found:
    if not m.drugs:
        yield "ICH-REQUIRED", "G.k", "At least one drug (G.k) is required"
    for k, d in enumerate(m.drugs, 1):
        if missing(d.role):
            yield "ICH-REQUIRED", "G.k.1", f"Data value required for tag G.k.1 (drug #{k})"
        if missing(d.product_name):
            yield "ICH-REQUIRED", "G.k.2.2", f"Data value required for tag G.k.2.2 (drug #{k})"


def check_required(m: ICSRMessage) -> Found:
    """ICH-required elements and FDA regional required elements."""
    yield from required(_ich_header_elements(m), "ICH-REQUIRED")
    yield from _reaction_problems(m)
    yield from _drug_problems(m)
    yield from required(_fda_elements(m), "FDA-REQUIRED")


def precision(value: Timestamp | None) -> int:
    """Number of digits in the TS literal (8 = day, 14 = second)."""
    return 0 if value is None or value == "" else len(ts(value).split("+")[0].split("-")[0])


def is_future(value: Timestamp | None, today: date) -> bool:
    if isinstance(value, datetime):
        return value.date() > today
    if isinstance(value, date):
        return value > today
    return False


def check_dates(m: ICSRMessage) -> Found:
    """FDA generic date rules: minimum precision and no future dates."""
    c = m.case
    today = date.today()
    for element, value, digits in (
        ("C.1.2", c.created, 14),
        ("C.1.4", c.first_received, 8),
        ("C.1.5", c.most_recent_info, 8),
    ):
        if missing(value):
            continue
        if precision(value) < digits:
            want = "full precision date" if digits == 14 else 'minimum precision of "CCYYMMDD"'
            yield "FDA-DATE", element, f"{element} does not contain {want}"
        if is_future(value, today):
            yield "FDA-DATE", element, f"{element} contains Future date"


def check_routing(m: ICSRMessage) -> Found:
    """R0004-R0007, R0100, R0111, R0112: receivers and report type per FDA route."""
    h, report_type = m.header, str(m.case.report_type)
    if h.batch_receiver not in (POSTMARKET, PREMARKET):
        yield "R0004", "N.1.4", 'N.1.4 must be "ZZFDA" (postmarket) or "ZZFDA_PREMKT" (premarket)'
    if h.message_sender != h.batch_sender:
        yield (
            "R0100",
            "N.2.r.2",
            "N.2.r.2 provided is not same for all reports and does not match with N.1.3",
        )
    if h.batch_receiver == POSTMARKET and h.message_receiver not in ("CDER", "CBER"):
        yield "R0006", "N.2.r.3", 'N.1.4 = "ZZFDA" but N.2.r.3 is not "CDER"'
    if h.batch_receiver == PREMARKET and h.message_receiver not in (*IND_CENTERS, BA_BE):
        yield (
            "R0007",
            "N.2.r.3",
            'N.1.4 = "ZZFDA_PREMKT" but N.2.r.3 is not "CDER_IND" or '
            '"CBER_IND" or "CDER_IND_EXEMPT_BA_BE"',
        )
    if h.message_receiver == BA_BE and report_type != "2":
        yield "R0111", "C.1.3", 'C.1.3 must be 2 when N.2.r.3 = "CDER_IND_EXEMPT_BA_BE"'
    if h.message_receiver in IND_CENTERS and report_type in ("3", "4"):
        yield "R0112", "C.1.3", 'C.1.3 must not be 3 or 4 when N.2.r.3 = "CDER_IND" or "CBER_IND"'


def check_case(m: ICSRMessage) -> Found:
    """R0009, R0011-R0016: documents, expedited criteria and FDA report type."""
    c = m.case
    if c.additional_documents and not c.document_titles:
        yield "R0009", "C.1.6.1.r.1", "C.1.6.1.r.1 must be provided when C.1.6.1 = true"
    expedited = c.fulfil_expedited_criteria
    if isinstance(expedited, NullFlavor) or (expedited is None and not c.nullification):
        yield "R0011", "C.1.7", "nullFlavor 'NI' used for initial report submission"
    kind, combo = str(c.fda_report_type or ""), c.combination_product
    if not kind:
        return
    if combo is True and expedited is True and kind not in ("1", "4"):
        yield (
            "R0012",
            "FDA.C.1.7.1",
            "FDA.C.1.7.1 must be 1 or 4 when FDA.C.1.12 = true and C.1.7 = true",
        )
    if combo is True and expedited is not True and kind not in ("2", "5"):
        yield (
            "R0013",
            "FDA.C.1.7.1",
            "FDA.C.1.7.1 must be 2 or 5 when FDA.C.1.12 = true and C.1.7 = false",
        )
    if combo is not True and expedited is True and kind != "1":
        yield (
            "R0014",
            "FDA.C.1.7.1",
            "FDA.C.1.7.1 must be 1 when FDA.C.1.12 = false and C.1.7 = true",
        )
    if combo is not True and expedited is not True and kind != "2":
        yield (
            "R0015",
            "FDA.C.1.7.1",
            "FDA.C.1.7.1 must be 2 when FDA.C.1.12 = false and C.1.7 = false",
        )
    if expedited is True and str(c.report_type) in ("1", "2") and kind not in ("1", "4", "6"):
        yield (
            "R0016",
            "FDA.C.1.7.1",
            "FDA.C.1.7.1 must be 1 or 6 when C.1.7 = true and C.1.3 = 1 or 2",
        )


def check_parties(m: ICSRMessage) -> Found:
    """R0019-R0022: primary source for regulatory purposes and sender organisation."""
    primary = [p for p in m.primary_sources if p.primary_for_regulatory_purposes]
    if not primary:
        yield "R0021", "C.2.r.5", "At least one reporter must be provided with C.2.r.5 = 1"
    for p in primary:
        if missing(p.country):
            yield "R0019", "C.2.r.3", "C.2.r.3 must be provided when C.2.r.5 = 1"
        if p.qualification is None:
            yield "R0020", "C.2.r.4", "C.2.r.4 must be provided when C.2.r.5 = 1"
    if str(m.sender.sender_type) in ("1", "2", "3", "4", "5", "6") and missing(
        m.sender.organisation
    ):
        yield "R0022", "C.3.2", "C.3.2 must be provided when C.3.1 = 1, 2, 3, 4, 5 or 6"


def check_study(m: ICSRMessage) -> Found:
    """R0023-R0025, R0107/R0108, R0085-R0087: study and IND / pre-ANDA numbers."""
    study, receiver, rtype = m.study, m.header.message_receiver, str(m.case.report_type)
    ind = study.ind_number if study else None
    anda = study.pre_anda_number if study else None
    if rtype == "2" and (study is None or missing(study.study_type)):
        yield "R0023", "C.5.4", "C.5.4 must be provided when C.1.3 = 2"
    if rtype in ("1", "2") and receiver in IND_CENTERS and not ind:
        yield (
            "R0024",
            "FDA.C.5.5a",
            'FDA.C.5.5a must be provided when N.2.r.3 = "CDER_IND" or "CBER_IND"',
        )
    if rtype == "2" and receiver == BA_BE and not anda:
        yield (
            "R0025",
            "FDA.C.5.5b",
            'FDA.C.5.5b must be provided when N.2.r.3 = "CDER_IND_EXEMPT_BA_BE"',
        )
    if m.header.batch_receiver == POSTMARKET and ind:
        yield "R0107", "FDA.C.5.5a", 'FDA.C.5.5a must not be provided when N.1.4 = "ZZFDA"'
    if m.header.batch_receiver == POSTMARKET and anda:
        yield "R0108", "FDA.C.5.5b", 'FDA.C.5.5b must not be provided when N.1.4 = "ZZFDA"'
    if rtype == "2" and ind:
        for a in (a for d in m.drugs for rel in d.reactions for a in rel.assessments):
            for rule, element, value in (
                ("R0085", "G.k.9.i.2.r.1", a.source),
                ("R0086", "G.k.9.i.2.r.2", a.method),
                ("R0087", "G.k.9.i.2.r.3", a.result),
            ):
                if missing(value):
                    yield (
                        rule,
                        element,
                        f"{element} must be provided when C.1.3 = 2 and FDA.C.5.5a is provided",
                    )


def meddra_pairs(m: ICSRMessage) -> Iterator[tuple[str, str, MedDRACode | None]]:
    for d in m.drugs:
        for ind in d.indications:
            yield "R0083", "G.k.7.r.2a", ind.meddra
    for code in m.narrative.sender_diagnoses:
        yield "R0097", "H.3.r.1a", code


def check_details(m: ICSRMessage) -> Found:
    """R0041, R0045, R0058, R0067, R0069/R0070, R0074, R0083, R0097, W0005."""
    death = m.patient.death
    died = any(r.seriousness.death for r in m.reactions)
    if (
        str(m.case.report_type) == "2"
        and m.header.message_receiver in IND_CENTERS
        and died
        and (death is None or death.date_of_death is None)
    ):
        yield "R0041", "D.9.1", "D.9.1 must be provided when C.1.3 = 2 and E.i.3.2a = true"
    if death and death.date_of_death is not None and death.autopsy_done is None:
        yield "R0045", "D.9.3", "D.9.3 must be provided when D.9.1 is provided"
    for r in m.reactions:
        if r.verbatim and not r.verbatim_language:
            yield "R0058", "E.i.1.1b", "E.i.1.1b must be provided when E.i.1.1a is provided"
    for t in m.tests:
        if t.result_value is not None and missing(t.result_unit):
            yield "R0067", "F.r.3.3", "F.r.3.3 must be provided when F.r.3.2 is provided"
    roles = [str(d.role) for d in m.drugs]
    if m.header.message_receiver == "CDER" and not set(roles) & {"1", "3", "4"}:
        yield "R0069", "G.k.1", 'G.k.1 must be provided with value 1, 3 or 4 when N.2.r.3 = "CDER"'
    if (
        m.header.message_receiver in IND_CENTERS
        and str(m.case.report_type) == "2"
        and not set(roles) & {"1", "3"}
    ):
        yield "R0070", "G.k.1", "G.k.1 must be provided with value 1 or 3 for IND study reports"
    if roles and roles[0] not in ("1", "3", "4"):
        yield (
            "W0005",
            "G.k.1",
            "The first product reported does not have G.k.1 of 1, 3 or 4",
            Severity.WARNING,
        )
    for d in m.drugs:
        if d.authorisation_number and missing(d.authorisation_country):
            yield "R0074", "G.k.3.2", "G.k.3.2 must be provided when G.k.3.1 is provided"
    for rule, element, code in meddra_pairs(m):
        if code is not None and missing(code.version):
            yield rule, element, f"{element} must be provided when the MedDRA code is provided"


CHECKS: tuple[Callable[[ICSRMessage], Found], ...] = (
    check_required,
    check_dates,
    check_routing,
    check_case,
    check_parties,
    check_study,
    check_details,
)


def check_message(message: ICSRMessage, index: int | None = None) -> list[Problem]:
    """All business-rule problems of one ICSR."""
    problems = []
    for check in CHECKS:
        for found in check(message):
            rule, element, text, *rest = found
            severity = rest[0] if rest else Severity.REJECTION
            problems.append(Problem(rule, element, text, severity, index))
    return problems
