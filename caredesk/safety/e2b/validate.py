"""Validate E2B(R3) ICSR XML: ICH XSD first, then FDA's required elements and business rules.

``validate`` returns problems instead of raising, so a safety specialist sees every missing
element at once before signing; an empty list means FDA's gateway should accept the file as far
as the rules in ``rules.COVERED_RULES`` go.
"""

from __future__ import annotations

from lxml import etree

from caredesk.safety.e2b.model import ICSRMessage
from caredesk.safety.e2b.reader import E2BParseError, parse_icsr_xml, parse_xml
from caredesk.safety.e2b.rules import COVERED_RULES, Problem, Severity, check_message
from caredesk.safety.e2b.schema_files import batch_schema
from caredesk.safety.e2b.writer import build_icsr_xml
from caredesk.safety.e2b.xmlutil import NCIT_ETHNICITY, NCIT_RACE, NS

__all__ = ["COVERED_RULES", "Problem", "Severity", "validate", "validate_message", "xsd_problems"]


def xsd_problems(doc: etree._Element) -> list[Problem]:
    """ICH schema errors (MCCI_IN200100UV01 batch root), one Problem per libxml2 error."""
    schema = batch_schema()
    if schema.validate(doc):
        return []
    return [
        Problem("XSD", f"line {error.line}", error.message, Severity.REJECTION)
        for error in schema.error_log
    ]


def race_ethnicity_problems(doc: etree._Element) -> list[Problem]:
    """FDA.D.11.r / FDA.D.12: must be present (a code or a nullFlavor) in every ICSR."""
    problems = []
    for index, role in enumerate(
        doc.xpath(
            "h:PORR_IN049016UV/h:controlActProcess/h:subject/h:investigationEvent/h:component/"
            "h:adverseEventAssessment/h:subject1/h:primaryRole",
            namespaces=NS,
        )
    ):
        codes = role.xpath("h:subjectOf2/h:observation/h:code/@code", namespaces=NS)
        for element, code in (("FDA.D.11.r.1", NCIT_RACE), ("FDA.D.12", NCIT_ETHNICITY)):
            if code not in codes:
                problems.append(
                    Problem(
                        "FDA-REQUIRED",
                        element,
                        f"Data value required for tag {element} (a code or a nullFlavor)",
                        Severity.REJECTION,
                        index,
                    )
                )
    return problems


def validate(xml_bytes: bytes) -> list[Problem]:
    """Every problem found in an ICSR batch: XSD errors, then business-rule problems."""
    try:
        doc = parse_xml(xml_bytes)
    except E2BParseError as exc:
        return [Problem("XML", "-", str(exc))]
    problems = xsd_problems(doc)
    try:
        messages = parse_icsr_xml(xml_bytes)
    except E2BParseError as exc:
        return [*problems, Problem("XML", "-", str(exc))]
    if not messages:
        problems.append(Problem("ICH-REQUIRED", "N.2.r", "The batch holds no ICSR message"))
    problems += race_ethnicity_problems(doc)
    for index, message in enumerate(messages):
        problems += check_message(message, index)
    return problems


def validate_message(message: ICSRMessage) -> list[Problem]:
    """Problems of the XML that ``build_icsr_xml`` writes for this message."""
    return validate(build_icsr_xml(message))


def rejections(problems: list[Problem]) -> list[Problem]:
    """Only the problems that make FDA reject the ICSR."""
    return [p for p in problems if p.severity == Severity.REJECTION]
