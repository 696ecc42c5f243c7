"""Persons are created whole or not at all; phones are stored E.164; search finds callers."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.cases.models import Case
from caredesk.errors import Forbidden, InvalidInput, NotFound
from caredesk.people.models import ContactPoint, Person
from caredesk.people.services.contact_points import normalize_email, normalize_phone
from caredesk.people.services.lookup import access_person, search_persons, view_person
from caredesk.people.services.persons import (
    PersonInput,
    add_contact_point,
    affiliate,
    create_organization,
    create_person,
    update_person,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        ("(202) 555-0143", "US", "+12025550143"),
        ("202.555.0143", "US", "+12025550143"),
        ("+44 20 7946 0958", "US", "+442079460958"),
        ("020 7946 0958", "GB", "+442079460958"),
    ],
)
def test_phone_numbers_are_stored_in_e164(raw, region, expected):
    assert normalize_phone(raw, region) == expected


@pytest.mark.parametrize("raw", ["12", "call me", ""])
def test_impossible_phone_numbers_are_refused(raw):
    with pytest.raises(InvalidInput):
        normalize_phone(raw, "US")


def test_emails_are_lower_cased_and_validated():
    assert normalize_email(" Ana@Pharmacy.TEST ") == "ana@pharmacy.test"
    with pytest.raises(InvalidInput):
        normalize_email("not-an-email")


def test_person_with_a_bad_phone_writes_nothing(world):
    before = (Person.objects.count(), ContactPoint.objects.count(), AuditEvent.objects.count())
    data = PersonInput(first_name="Lee", last_name="Park", phones=["555"], emails=["lee@x.test"])
    with pytest.raises(InvalidInput) as err:
        create_person(world.program_a, data, acting_user=world.agent_a)
    assert "phones" in err.value.fields
    after = (Person.objects.count(), ContactPoint.objects.count(), AuditEvent.objects.count())
    assert after == before


def test_create_update_and_audit_a_person(world):
    person = create_person(
        world.program_a,
        PersonInput(first_name="Lee", last_name="Park", phones=["202-555-0101"]),
        acting_user=world.agent_a,
    )
    assert person.contact_points.get().value == "+12025550101"
    update_person(person, {"language": "es"}, acting_user=world.agent_a, reason="caller asked")
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(person.pk)).get()
    assert event.changes == {"language": ["en", "es"]} and event.reason == "caller asked"
    add_contact_point(person, "email", "LEE@x.test", acting_user=world.agent_a)
    assert person.contact_points.filter(kind="email").get().value == "lee@x.test"


def test_unknown_or_invalid_fields_are_refused(world):
    with pytest.raises(InvalidInput):
        update_person(world.pharmacist_a, {"program": 2}, acting_user=world.agent_a)
    with pytest.raises(InvalidInput):
        update_person(world.pharmacist_a, {"time_zone": "Mars/Base"}, acting_user=world.agent_a)


def test_search_by_name_phone_email_and_lot(world):
    Case.objects.filter(pk=world.case_a.pk).update(lot=world.lot_a)
    for query in ["pharma", "Ana", "(202) 555-0143", "5550143", "ana@pharmacy.test", "RLV2401A"]:
        assert list(search_persons(world.agent_a, query)) == [world.pharmacist_a], query


def test_search_never_crosses_programs(world):
    assert list(search_persons(world.agent_a, "Bea")) == []
    assert list(search_persons(world.agent_a, "5550199")) == []
    assert list(search_persons(world.agent_b, "Bea")) == [world.person_b]


def test_viewing_a_person_is_audited_and_scoped(world):
    view_person(world.agent_a, world.pharmacist_a.pk)
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_id=str(world.pharmacist_a.pk), actor_id=world.agent_a.pk
    ).exists()
    with pytest.raises(NotFound):
        access_person(world.agent_a, world.person_b.pk)


def test_organizations_and_affiliations_stay_in_their_program(world):
    pharmacy = create_organization(
        world.program_a, name="Main St Pharmacy", kind="pharmacy", acting_user=world.agent_a
    )
    link = affiliate(world.pharmacist_a, pharmacy, acting_user=world.agent_a, title="PharmD")
    assert link.organization == pharmacy
    other = create_organization(
        world.program_b, name="Elsewhere", kind="clinic", acting_user=world.agent_b
    )
    with pytest.raises(NotFound):
        affiliate(world.pharmacist_a, other, acting_user=world.agent_a)
    with pytest.raises(Forbidden):
        create_organization(world.program_a, name="X", kind="clinic", acting_user=world.auditor_a)


def test_a_search_is_audited_with_its_query(world):
    list(search_persons(world.agent_a, "5550143"))
    event = AuditEvent.objects.filter(action=AuditAction.SEARCH).latest("seq")
    assert event.actor_id == world.agent_a.pk and event.reason == "5550143"


def test_contact_point_label_is_kept(world):
    point = add_contact_point(
        world.pharmacist_a, "phone", "202-555-0177", acting_user=world.agent_a, label="work"
    )
    assert point.label == "work"
