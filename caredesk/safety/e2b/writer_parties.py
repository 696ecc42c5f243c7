"""E2B(R3) writer, parties: C.2.r primary sources (reporters) and C.3 sender."""

from __future__ import annotations

from lxml import etree

from caredesk.safety.e2b.codes import NullFlavor
from caredesk.safety.e2b.model import PrimarySource, Sender
from caredesk.safety.e2b.xmlutil import (
    CS_COUNTRY,
    CS_QUALIFICATION,
    CS_SENDER_TYPE,
    sub,
    text_sub,
)


def person_name(parent: etree._Element, title, given, middle, family) -> None:
    """name with prefix / given / given / family parts (any may be a NullFlavor)."""
    if not any((title, given, middle, family)):
        return
    name = sub(parent, "name")
    text_sub(name, "prefix", title)
    text_sub(name, "given", given)
    text_sub(name, "given", middle)
    text_sub(name, "family", family)


def address(parent: etree._Element, street, city, state, postcode) -> None:
    """addr with street / city / state / postcode when any is given."""
    if not any((street, city, state, postcode)):
        return
    addr = sub(parent, "addr")
    text_sub(addr, "streetAddressLine", street)
    text_sub(addr, "city", city)
    text_sub(addr, "state", state)
    text_sub(addr, "postalCode", postcode)


def telecom(parent: etree._Element, scheme: str, value) -> None:
    """telecom value="tel:..." (nullFlavor keeps the bare scheme, as FDA asks)."""
    if isinstance(value, NullFlavor):
        sub(parent, "telecom", nullFlavor=value.value, value=scheme)
    elif value:
        sub(parent, "telecom", value=f"{scheme}:{value}")


def organisation(entity: etree._Element, department, org_name) -> None:
    """representedOrganization (department) / assignedEntity / representedOrganization (org)."""
    if not department and not org_name:
        return
    dept = sub(entity, "representedOrganization", classCode="ORG", determinerCode="INSTANCE")
    text_sub(dept, "name", department)
    if org_name:
        org = sub(
            sub(dept, "assignedEntity", classCode="ASSIGNED"),
            "representedOrganization",
            classCode="ORG",
            determinerCode="INSTANCE",
        )
        text_sub(org, "name", org_name)


def located_country(person: etree._Element, country: str | None) -> None:
    """asLocatedEntity/location/code country."""
    if country:
        loc = sub(
            sub(person, "asLocatedEntity", classCode="LOCE"),
            "location",
            classCode="COUNTRY",
            determinerCode="INSTANCE",
        )
        sub(loc, "code", code=country, codeSystem=CS_COUNTRY)


def write_primary_source(ctl: etree._Element, s: PrimarySource) -> None:
    """C.2.r one reporter (FDA.C.2.r.2.8 e-mail is regionally required: NASK when absent)."""
    entity = sub(sub(ctl, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
    address(entity, s.street, s.city, s.state, s.postcode)
    telecom(entity, "tel", s.telephone)
    telecom(entity, "mailto", s.email if s.email is not None else NullFlavor.NASK)
    person = sub(entity, "assignedPerson", classCode="PSN", determinerCode="INSTANCE")
    person_name(person, s.title, s.given_name, s.middle_name, s.family_name)
    qual = sub(person, "asQualifiedEntity", classCode="QUAL")
    if isinstance(s.qualification, NullFlavor) or s.qualification is None:
        sub(qual, "code", nullFlavor=(s.qualification or NullFlavor.UNK).value)
    else:
        sub(qual, "code", code=str(s.qualification), codeSystem=CS_QUALIFICATION)
    located_country(person, s.country)
    organisation(entity, s.department, s.organisation)


def write_sender(event: etree._Element, s: Sender) -> None:
    """C.3 sender (FDA requires the full contact block C.3.3-C.3.4)."""
    ctl = sub(sub(event, "subjectOf1", typeCode="SUBJ"), "controlActEvent", classCode="CACT")
    ctl.set("moodCode", "EVN")
    entity = sub(sub(ctl, "author", typeCode="AUT"), "assignedEntity", classCode="ASSIGNED")
    sub(entity, "code", code=str(s.sender_type), codeSystem=CS_SENDER_TYPE)
    address(entity, s.street, s.city, s.state, s.postcode)
    telecom(entity, "tel", s.telephone)
    telecom(entity, "fax", s.fax)
    telecom(entity, "mailto", s.email)
    person = sub(entity, "assignedPerson", classCode="PSN", determinerCode="INSTANCE")
    person_name(person, s.title, s.given_name, s.middle_name, s.family_name)
    located_country(person, s.country)
    organisation(entity, s.department, s.organisation)
