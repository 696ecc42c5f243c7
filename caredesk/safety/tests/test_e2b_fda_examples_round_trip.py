"""FDA's ten E2B(R3) example ICSRs import, and survive write -> read with required elements."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from caredesk.safety.e2b.model import ICSRMessage
from caredesk.safety.e2b.reader import parse_icsr_xml
from caredesk.safety.e2b.schema_files import EXAMPLES_DIR, batch_schema
from caredesk.safety.e2b.writer import build_batch_xml
from caredesk.safety.e2b.xmlutil import ts

INSTANCES = EXAMPLES_DIR
EXAMPLES = sorted(INSTANCES.glob("FAERS2022Scenario*.xml"))


def required_values(message: ICSRMessage) -> dict[str, Any]:
    """The ICH/FDA required elements (and a few key ones) as comparable plain values."""
    case = message.case
    return {
        "N.1.2": message.header.batch_number,
        "N.2.r.1": message.header.message_number,
        "N.2.r.3": message.header.message_receiver,
        "C.1.1": case.safety_report_id,
        "C.1.2": ts(case.created),
        "C.1.3": str(case.report_type),
        "C.1.4": ts(case.first_received),
        "C.1.5": ts(case.most_recent_info),
        "C.1.7": case.fulfil_expedited_criteria,
        "C.1.8.1": case.worldwide_case_id,
        "FDA.C.1.7.1": case.fda_report_type,
        "C.2.r.4": [str(p.qualification) for p in message.primary_sources],
        "C.3.1": str(message.sender.sender_type),
        "D.1": str(message.patient.name),
        "D.5": str(message.patient.sex),
        "E.i.1.1a": [r.verbatim for r in message.reactions],
        "E.i.2.1b": [r.meddra.code if r.meddra else None for r in message.reactions],
        "E.i.3.2": [r.seriousness for r in message.reactions],
        "E.i.7": [r.outcome for r in message.reactions],
        "G.k.1": [str(d.role) for d in message.drugs],
        "G.k.2.2": [d.product_name for d in message.drugs],
        "G.k.4.r.7": [d.lot_numbers for d in message.drugs],
        "G.k.9.i.2.r": [[r.assessments for r in d.reactions] for d in message.drugs],
        "H.1": message.narrative.case_narrative,
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_fda_example_imports_with_its_key_elements(path: Path) -> None:
    [message] = parse_icsr_xml(path.read_bytes())
    values = required_values(message)
    assert values["C.1.1"].startswith("US-APHARMA-")
    assert values["N.2.r.3"] in {"CDER", "CDER_IND", "CDER_IND_EXEMPT_BA_BE"}
    assert message.reactions and all(code for code in values["E.i.2.1b"])
    assert message.drugs and all(values["G.k.2.2"])
    assert values["H.1"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_writing_and_rereading_keeps_the_required_elements(path: Path) -> None:
    original = parse_icsr_xml(path.read_bytes())
    rewritten = parse_icsr_xml(build_batch_xml(original))
    assert [required_values(m) for m in rewritten] == [required_values(m) for m in original]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_written_document_is_valid_against_the_ich_schema(path: Path) -> None:
    written = build_batch_xml(parse_icsr_xml(path.read_bytes()))
    schema = batch_schema()
    assert schema.validate(etree.fromstring(written)), schema.error_log


def test_the_mega_example_keeps_patient_dosage_and_test_details() -> None:
    path = INSTANCES / "FAERS2022Scenario6.xml"
    [message] = parse_icsr_xml(build_batch_xml(parse_icsr_xml(path.read_bytes())))
    assert message.patient.weight_kg == Decimal("48.2") and message.patient.height_cm == 152
    assert message.patient.death and message.patient.death.autopsy_done is True
    assert message.reactions[0].verbatim_language == "por"
    drug = message.drugs[0]
    assert drug.dosages[0].dose and drug.dosages[0].frequency and drug.dosages[0].duration
    assert drug.lot_numbers == ["4577BN2"]
    assert drug.action_taken == "2"
    assert {t.name for t in message.tests} >= {"Calcium Level", "Blood work"}
    assert [o.identifier for o in message.case.other_case_ids] == [
        "FR-RPTLTD-15998",
        "EU-EMA-999999",
    ]
