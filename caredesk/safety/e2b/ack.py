"""Parse E2B(R3) acknowledgements (MCCI_IN200101UV01) returned by FDA (ESG / AEMS).

ACK.A.4 (batch) is AA "all accepted", AE "some need further action" or AR "batch rejected";
ACK.B.r.6 (per ICSR) is CA "commit accept" or CR "commit reject". A submission is done only
when its message is CA; CR messages carry FDA's error text in ACK.B.r.7.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lxml import etree

from caredesk.safety.e2b.model import Timestamp
from caredesk.safety.e2b.reader import E2BParseError, parse_xml
from caredesk.safety.e2b.reader_patient import attr, first, text
from caredesk.safety.e2b.xmlutil import NS, parse_ts


class BatchAckCode(StrEnum):
    """ACK.A.4 transmission acknowledgement code."""

    ALL_ACCEPTED = "AA"
    SOME_NEED_ACTION = "AE"
    REJECTED = "AR"


class MessageAckCode(StrEnum):
    """ACK.B.r.6 acknowledgement code for one ICSR message."""

    ACCEPTED = "CA"
    REJECTED = "CR"


@dataclass
class MessageAck:
    """ACK.B.r: the receiver's verdict on one ICSR of the batch."""

    message_number: str  # ACK.B.r.1 ICSR message number (as FDA echoes it)
    local_report_number: str | None  # ACK.B.r.2 FDA's local report number
    receiver: str | None  # ACK.B.r.3 ACK receiver (our sender id)
    sender: str | None  # ACK.B.r.4 ACK sender (CDER, CBER...)
    icsr_created: Timestamp | None  # ACK.B.r.5 date of ICSR message creation
    code: str  # ACK.B.r.6 (see MessageAckCode)
    details: list[str] = field(default_factory=list)  # ACK.B.r.7 error/warning/comment, by ';'

    @property
    def accepted(self) -> bool:
        """True when FDA committed this ICSR (CA)."""
        return self.code == MessageAckCode.ACCEPTED

    @property
    def errors(self) -> list[str]:
        """ACK.B.r.7 texts of a rejected ICSR (an accepted one only carries a comment)."""
        return [] if self.accepted else self.details


@dataclass
class AckResult:
    """ACK.M / ACK.A header plus one MessageAck per acknowledged ICSR."""

    ack_batch_number: str  # ACK.M.1
    ack_created: Timestamp | None  # ACK.M.4
    batch_number: str  # ACK.A.1 the ICSR batch number acknowledged (our N.1.2)
    local_message_number: str | None  # ACK.A.2
    batch_code: str  # ACK.A.4 (see BatchAckCode)
    batch_text: str | None  # ACK.A.5 batch validation error / comment
    ack_sender: str | None  # ACK.M.2
    ack_receiver: str | None  # ACK.M.3
    messages: list[MessageAck] = field(default_factory=list)

    @property
    def accepted(self) -> bool:
        """True when the batch and every ICSR in it were accepted."""
        return self.batch_code == BatchAckCode.ALL_ACCEPTED and all(
            m.accepted for m in self.messages
        )

    @property
    def rejected_messages(self) -> list[MessageAck]:
        """ICSRs FDA did not commit (to fix and resend)."""
        return [m for m in self.messages if not m.accepted]


def _attention(node: etree._Element, code: str) -> etree._Element | None:
    for line in node.xpath("h:attentionLine", namespaces=NS):
        if attr(line, "h:keyWordText", "code") == code:
            return first(line, "h:value")
    return None


def _split_errors(detail: str | None) -> list[str]:
    if not detail or not isinstance(detail, str):
        return []
    return [part.strip() for part in detail.split(";") if part.strip()]


def _message_ack(msg: etree._Element) -> MessageAck:
    ack = first(msg, "h:acknowledgement")
    created = _attention(msg, "1")
    return MessageAck(
        message_number=attr(ack, "h:targetMessage/h:id", "extension") or "",
        local_report_number=attr(msg, "h:id", "extension"),
        receiver=attr(msg, "h:receiver/h:device/h:id", "extension"),
        sender=attr(msg, "h:sender/h:device/h:id", "extension"),
        icsr_created=None if created is None else parse_ts(created.get("value")),
        code=(ack.get("typeCode") if ack is not None else None) or "",
        details=_split_errors(text(ack, "h:acknowledgementDetail/h:text")),
    )


def parse_ack(xml_bytes: bytes) -> AckResult:
    """An FDA E2B(R3) ACK file as an :class:`AckResult`."""
    root = parse_xml(xml_bytes)
    if etree.QName(root).localname != "MCCI_IN200101UV01":
        raise E2BParseError(f"root element is {etree.QName(root).localname}, not an ACK")
    batch_ack = first(root, "h:acknowledgement")
    local = _attention(root, "2")
    detail = text(batch_ack, "h:acknowledgementDetail/h:text")
    return AckResult(
        ack_batch_number=attr(root, "h:id", "extension") or "",
        ack_created=parse_ts(attr(root, "h:creationTime", "value")),
        batch_number=attr(batch_ack, "h:targetBatch/h:id", "extension") or "",
        local_message_number=None if local is None else local.get("extension"),
        batch_code=(batch_ack.get("typeCode") if batch_ack is not None else None) or "",
        batch_text=detail if isinstance(detail, str) else None,
        ack_sender=attr(root, "h:sender/h:device/h:id", "extension"),
        ack_receiver=attr(root, "h:receiver/h:device/h:id", "extension"),
        messages=[_message_ack(m) for m in root.xpath("h:MCCI_IN000002UV01", namespaces=NS)],
    )
