"""Small HL7 v3 helpers shared by the E2B(R3) writer and reader: namespaces, OIDs, TS values.

Kept apart so writer and reader agree on every OID and on how dates are spelled.
"""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

from lxml import etree

from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import Quantity, Timestamp

HL7 = "urn:hl7-org:v3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS = {"h": HL7, "xsi": XSI}
XSI_TYPE = f"{{{XSI}}}type"

# ICH E2B(R3) OIDs (ICH IG appendix; FDA regional OIDs under 2.16.840.1.113883.3.989.5)
OID_ICH = "2.16.840.1.113883.3.989.2.1"
OID_BATCH_ID = f"{OID_ICH}.3.22"  # N.1.2
OID_MSG_ID = f"{OID_ICH}.3.1"  # N.2.r.1 and C.1.1
OID_WWID = f"{OID_ICH}.3.2"  # C.1.8.1, C.1.10.r
OID_OTHER_CASE_ID = f"{OID_ICH}.3.3"  # C.1.9.1.r
OID_AUTH_NUMBER = f"{OID_ICH}.3.4"  # G.k.3.1
OID_SPONSOR_STUDY = f"{OID_ICH}.3.5"  # C.5.3
OID_STUDY_REG = f"{OID_ICH}.3.6"  # C.5.1.r.1
OID_MSG_SENDER = f"{OID_ICH}.3.11"  # N.2.r.2
OID_MSG_RECEIVER = f"{OID_ICH}.3.12"  # N.2.r.3
OID_BATCH_SENDER = f"{OID_ICH}.3.13"  # N.1.3
OID_BATCH_RECEIVER = f"{OID_ICH}.3.14"  # N.1.4
CS_OBS = f"{OID_ICH}.1.19"  # ICH observation codes (reaction 29, outcome 27...)
CS_CATEGORY = f"{OID_ICH}.1.20"  # organizer categories (history 1, drug history 2...)
CS_CHARACTERISTIC = f"{OID_ICH}.1.23"  # investigationCharacteristic codes
CS_RELATED_INVESTIGATION = f"{OID_ICH}.1.22"
CS_AUTHOR_ROLE = f"{OID_ICH}.1.21"  # sender 1, reporter 2, source reporter 3
CS_DOCUMENT = f"{OID_ICH}.1.27"
CS_REPORT_TYPE = f"{OID_ICH}.1.2"
CS_FIRST_SENDER = f"{OID_ICH}.1.3"
CS_NULLIFICATION = f"{OID_ICH}.1.5"
CS_QUALIFICATION = f"{OID_ICH}.1.6"
CS_SENDER_TYPE = f"{OID_ICH}.1.7"
CS_STUDY_TYPE = f"{OID_ICH}.1.8"
CS_AGE_GROUP = f"{OID_ICH}.1.9"
CS_HIGHLIGHTED = f"{OID_ICH}.1.10"
CS_OUTCOME = f"{OID_ICH}.1.11"
CS_TEST_RESULT = f"{OID_ICH}.1.12"
CS_DRUG_ROLE = f"{OID_ICH}.1.13"
CS_ACTION = f"{OID_ICH}.1.15"
CS_RECURRENCE = f"{OID_ICH}.1.16"
CS_MEDDRA = "2.16.840.1.113883.6.163"
CS_SEX = "1.0.5218"
CS_COUNTRY = "1.0.3166.1.2.2"
CS_NCIT = "2.16.840.1.113883.3.26.1.1"
CS_FDA_REPORT_TYPE = "2.16.840.1.113883.3.989.5.1.2.2.1.1.1"  # FDA.C.1.7.1
CS_FDA_INTERVENTION = "2.16.840.1.113883.3.989.5.1.2.2.1.3"  # FDA.E.i.3.2h
OID_FDA_IND = "2.16.840.1.113883.3.989.5.1.2.2.1.2.1"  # FDA.C.5.5a
OID_FDA_PRE_ANDA = "2.16.840.1.113883.3.989.5.1.2.2.1.2.2"  # FDA.C.5.5b
OID_FDA_CROSS_IND = "2.16.840.1.113883.3.989.5.1.2.2.1.2.3"  # FDA.C.5.6.r
CS_ROUTE = "0.4.0.127.0.16.1.1.2.6"
CS_DOSE_FORM = "0.4.0.127.0.16.1.1.2.1"
NCIT_RACE = "C17049"
NCIT_ETHNICITY = "C16564"
NCIT_LOCAL_REPORT_TYPE = "C54588"
NCIT_COMBINATION = "C156384"


def q(tag: str) -> str:
    """Clark name of an HL7 element."""
    return f"{{{HL7}}}{tag}"


def sub(parent: etree._Element, tag: str, **attrs: str | None) -> etree._Element:
    """Append an HL7 child; attributes that are None are left out (xsi_type -> xsi:type)."""
    el = etree.SubElement(parent, q(tag))
    for key, value in attrs.items():
        if value is None or value == "":
            continue  # HL7 attributes never hold an empty string
        el.set(XSI_TYPE if key == "xsi_type" else key.rstrip("_"), str(value))
    return el


def text_sub(parent: etree._Element, tag: str, text: str | None, **attrs: str | None) -> None:
    """Append ``<tag>text</tag>`` when text is given (a NullFlavor becomes nullFlavor=)."""
    if text is None:
        return
    if isinstance(text, NullFlavor):
        sub(parent, tag, nullFlavor=text.value, **attrs)
        return
    sub(parent, tag, **attrs).text = text


_TS_RE = re.compile(r"^(\d{4,14})(?:\.\d+)?([+-]\d{4})?$")


def ts(value: Timestamp) -> str:
    """HL7 TS literal for a date / aware datetime / literal string (naive datetimes are UTC)."""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.strftime("%Y%m%d%H%M%S%z")
    return value.strftime("%Y%m%d")


def parse_ts(value: str | None) -> Timestamp | None:
    """date for 8 digits, aware datetime for 14 digits with zone, else the literal itself."""
    if not value:
        return None
    match = _TS_RE.match(value.strip())
    if not match:
        return value
    digits, zone = match.groups()
    if len(digits) == 8 and not zone:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    if len(digits) == 14 and zone and "." not in value:
        sign = 1 if zone[0] == "+" else -1
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
        return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=timezone(offset))
    return value.strip()


def number(value: Decimal | int | float) -> str:
    """A PQ/INT value without float noise (48.2 stays 48.2, 10 stays 10)."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def parse_number(value: str | None) -> Decimal | None:
    """Decimal from a PQ value attribute, None when absent or not a number."""
    if value is None:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def quantity(value: str | None, unit: str | None) -> Quantity | None:
    """Quantity from PQ attributes; None when there is no number."""
    parsed = parse_number(value)
    return None if parsed is None else Quantity(parsed, unit or "1")


def reference_id(identifier: str) -> str:
    """An II root for internal links: UUIDs pass through, other ids map to a stable UUID."""
    try:
        return str(uuid.UUID(identifier))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"caredesk:e2b:{identifier}"))


def bl(value: bool) -> str:
    """HL7 BL literal."""
    return "true" if value else "false"
