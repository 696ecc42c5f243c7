"""validate() reports schema errors and FDA business rules with the E2B element and rule id."""

from __future__ import annotations

from dataclasses import replace

from caredesk.safety.e2b.codes import LocalCriteriaReportType, NullFlavor
from caredesk.safety.e2b.rules import Severity
from caredesk.safety.e2b.sample import sample_message
from caredesk.safety.e2b.validate import rejections, validate, validate_message
from caredesk.safety.e2b.writer import build_icsr_xml


def rules_of(problems) -> set[tuple[str, str]]:
    return {(p.rule, p.element) for p in problems}


def test_a_complete_message_has_no_problems() -> None:
    assert validate_message(sample_message()) == []


def test_a_missing_date_first_received_is_named_with_its_element() -> None:
    message = sample_message()
    message.case.first_received = ""
    problems = validate_message(message)
    assert ("ICH-REQUIRED", "C.1.4") in rules_of(problems)
    assert any("Data value required for tag C.1.4" in str(p) for p in problems)


def test_a_reaction_without_meddra_code_and_a_drug_without_role_are_rejected() -> None:
    message = sample_message()
    message.reactions[0].meddra = None
    message.drugs[0].role = ""
    found = rules_of(validate_message(message))
    assert {("ICH-REQUIRED", "E.i.2.1b"), ("ICH-REQUIRED", "G.k.1")} <= found


def test_fda_regional_elements_are_required() -> None:
    message = sample_message()
    message.case.fda_report_type = None
    message.case.combination_product = None
    message.sender.fax = None
    found = rules_of(validate_message(message))
    assert {
        ("FDA-REQUIRED", "FDA.C.1.7.1"),
        ("FDA-REQUIRED", "FDA.C.1.12"),
        ("FDA-REQUIRED", "C.3.4.7"),
    } <= found


def test_expedited_case_sent_as_non_expedited_breaks_r0014() -> None:
    message = sample_message()
    message.case.fda_report_type = LocalCriteriaReportType.NON_EXPEDITED
    problems = validate_message(message)
    assert ("R0014", "FDA.C.1.7.1") in rules_of(problems)
    assert all(p.severity == Severity.REJECTION for p in rejections(problems))


def test_null_flavor_for_expedited_criteria_is_rejected_by_fda() -> None:
    message = sample_message()
    message.case.fulfil_expedited_criteria = NullFlavor.NI
    assert ("R0011", "C.1.7") in rules_of(validate_message(message))


def test_postmarket_batch_must_go_to_zzfda_and_cder() -> None:
    message = sample_message()
    message.header = replace(message.header, batch_receiver="FDA", message_receiver="CDER_IND")
    found = rules_of(validate_message(message))
    assert ("R0004", "N.1.4") in found


def test_a_primary_source_for_regulatory_purposes_is_required() -> None:
    message = sample_message()
    message.primary_sources[0].primary_for_regulatory_purposes = False
    assert ("R0021", "C.2.r.5") in rules_of(validate_message(message))


def test_schema_errors_come_back_as_xsd_problems() -> None:
    xml = build_icsr_xml(sample_message()).replace(b"<statusCode", b"<bogus/><statusCode", 1)
    problems = validate(xml)
    assert problems and problems[0].rule == "XSD"


def test_bytes_that_are_not_xml_give_one_problem() -> None:
    [problem] = validate(b"not xml at all")
    assert problem.rule == "XML"


def test_unknown_verbatim_language_is_rejected() -> None:
    message = sample_message()
    message.reactions[0].verbatim_language = None
    assert ("R0058", "E.i.1.1b") in rules_of(validate_message(message))
