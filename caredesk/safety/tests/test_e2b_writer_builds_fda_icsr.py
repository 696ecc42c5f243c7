"""build_icsr_xml writes the FDA batch layout, regional elements and null flavors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lxml import etree

from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.reader import parse_icsr_xml
from caredesk.safety.e2b.sample import sample_message
from caredesk.safety.e2b.writer import build_icsr_xml
from caredesk.safety.e2b.xmlutil import NS

CASE = "h:PORR_IN049016UV/h:controlActProcess/h:subject/h:investigationEvent"


def test_batch_has_fda_receivers_and_case_ids() -> None:
    doc = etree.fromstring(build_icsr_xml(sample_message()))
    assert doc.tag == "{urn:hl7-org:v3}MCCI_IN200100UV01"
    assert doc.xpath("h:receiver/h:device/h:id/@extension", namespaces=NS) == ["ZZFDA"]
    ids = doc.xpath(f"{CASE}/h:id/@root", namespaces=NS)
    assert ids == ["2.16.840.1.113883.3.989.2.1.3.1", "2.16.840.1.113883.3.989.2.1.3.2"]
    fda_type = doc.xpath(
        f"{CASE}/h:component/h:observationEvent[h:code/@code='C54588']/h:value/@code", namespaces=NS
    )
    assert fda_type == ["1"]


def test_missing_data_is_written_as_null_flavors() -> None:
    message = sample_message()
    message.patient.name = NullFlavor.MSK
    message.patient.race_codes = []
    message.primary_sources[0].email = None
    doc = etree.fromstring(build_icsr_xml(message))
    assert doc.xpath(f"{CASE}//h:player1/h:name/@nullFlavor", namespaces=NS) == ["MSK"]
    race = doc.xpath(
        f"{CASE}//h:observation[h:code/@code='C17049']/h:value/@nullFlavor", namespaces=NS
    )
    assert race == ["UNK"]
    assert doc.xpath(f"{CASE}//h:telecom[@nullFlavor='NASK']/@value", namespaces=NS) == ["mailto"]
    not_serious = doc.xpath(
        f"{CASE}//h:observation[h:code/@code='34']/h:value/@nullFlavor", namespaces=NS
    )
    assert not_serious == ["NI"]


def test_dates_keep_their_offset_and_partial_precision() -> None:
    message = sample_message()
    eastern = timezone(timedelta(hours=-5))
    message.case.created = datetime(2026, 3, 2, 9, 30, tzinfo=eastern)
    message.reactions[0].start = "202602"
    [again] = parse_icsr_xml(build_icsr_xml(message))
    assert again.case.created == message.case.created
    assert isinstance(again.case.created, datetime)
    assert again.case.created.utcoffset() == timedelta(hours=-5)
    assert again.reactions[0].start == "202602"


def test_causality_links_the_drug_to_the_reaction() -> None:
    message = sample_message()
    [again] = parse_icsr_xml(build_icsr_xml(message))
    relation = again.drugs[0].reactions[0]
    assert relation.reaction_id == again.reactions[0].id
    assert relation.assessments[0].result == "Suspected"
    assert again.drugs[0].lot_numbers == ["LOT-4711"]
