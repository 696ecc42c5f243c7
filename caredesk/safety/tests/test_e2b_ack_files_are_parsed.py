"""FDA acknowledgement files tell accepted from rejected ICSRs, with FDA's error texts."""

from __future__ import annotations

import pytest
from lxml import etree

from caredesk.safety.e2b.ack import parse_ack
from caredesk.safety.e2b.reader import E2BParseError
from caredesk.safety.e2b.schema_files import EXAMPLES_DIR, ack_schema

INSTANCES = EXAMPLES_DIR


def test_positive_ack_accepts_the_batch_and_its_icsr() -> None:
    result = parse_ack((INSTANCES / "R3ack-positive.ack").read_bytes())
    assert result.accepted and result.batch_code == "AA"
    assert result.batch_number == "FAERS2022Scenario1-4069-a2dd-08002b30309d"
    [message] = result.messages
    assert message.accepted and message.errors == []
    assert message.local_report_number == "19426648"
    assert "US-APHARMA-8744554B" in message.message_number


def test_negative_ack_lists_fda_error_texts() -> None:
    result = parse_ack((INSTANCES / "R3ack-negative.ack").read_bytes())
    assert not result.accepted and result.batch_code == "AE"
    [message] = result.rejected_messages
    assert message.code == "CR" and message.message_number == "US-APHARMA-7644554"
    assert any("FDA.C.1.7.1" in error for error in message.errors)
    assert result.batch_text == "some ICSR message(s) need further action"


def test_ack_files_are_valid_against_the_ack_schema() -> None:
    for name in ("R3ack-positive.ack", "R3ack-negative.ack"):
        doc = etree.fromstring((INSTANCES / name).read_bytes())
        assert ack_schema().validate(doc), name


def test_an_icsr_is_not_an_ack() -> None:
    with pytest.raises(E2BParseError):
        parse_ack((INSTANCES / "FAERS2022Scenario1.xml").read_bytes())
