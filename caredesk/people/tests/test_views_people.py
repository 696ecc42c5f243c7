"""People pages: live search by name, phone, email or lot; the person page with every
interaction across cases (and an audit event for the view); creating a person."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.people.models import Affiliation, Person
from caredesk.people.services.persons import create_organization
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def agent(client, world):
    client.force_login(world.agent_a)
    return client


@pytest.mark.parametrize(
    "query", ["Pharma", "ana pharma", "(202) 555-0143", "ana@pharmacy", "RLV2401A"]
)
def test_search_finds_a_person_by_name_phone_email_or_lot(agent, world, query):
    page = agent.get("/people/search/", {"q": query}).content.decode()
    assert f'href="/people/{world.pharmacist_a.pk}/"' in page


def test_live_search_answers_htmx_with_the_results_only_and_never_another_program(agent, world):
    response = agent.get("/people/search/", {"q": "Bea"}, **HTMX)
    page = response.content.decode()
    assert "<html" not in page and 'id="results"' in page
    assert "Bea Other" not in page and "Nobody matches" in page
    assert "Bea Other" not in agent.get("/people/search/", {"q": "202 555 0199"}).content.decode()


def test_person_page_shows_contacts_affiliations_and_all_interactions(agent, world):
    person = world.pharmacist_a
    pharmacy = create_organization(
        world.program_a, name="Main St Pharmacy", kind="pharmacy", acting_user=world.agent_a
    )
    Affiliation.objects.create(person=person, organization=pharmacy, title="Head pharmacist")
    second_case = f.CaseFactory(program=world.program_a, person=person, subject="Second matter")
    for case, channel, body in (
        (world.case_a, "phone", "Called about dosing"),
        (second_case, "email", "Emailed about a cracked bottle"),
    ):
        log_interaction(
            case,
            InteractionInput(channel=channel, direction="inbound", body=body),
            acting_user=world.agent_a,
        )
    page = agent.get(f"/people/{person.pk}/").content.decode()
    for text in (
        "+12025550143",
        "ana@pharmacy.test",
        "Main St Pharmacy",
        "Head pharmacist",
        "Called about dosing",
        "Emailed about a cracked bottle",
        world.case_a.reference,
        second_case.reference,
    ):
        assert text in page
    viewed = AuditEvent.objects.filter(
        action=AuditAction.VIEW, model="people.person", object_id=str(person.pk)
    )
    assert viewed.filter(actor_id=world.agent_a.pk).exists()


def test_another_programs_person_is_not_found(agent, world):
    assert agent.get(f"/people/{world.person_b.pk}/").status_code == 404


def test_create_a_person_with_contact_points(agent, world):
    response = agent.post(
        "/people/new/",
        {
            "program": world.program_a.pk,
            "first_name": "Carl",
            "last_name": "Caller",
            "role": "consumer",
            "language": "en",
            "phone": "(202) 555-0100",
            "email": "Carl@Example.test",
        },
    )
    person = Person.objects.system_scope().get(last_name="Caller")
    assert response.status_code == 302 and response["Location"] == f"/people/{person.pk}/"
    values = set(person.contact_points.values_list("value", flat=True))
    assert values == {"+12025550100", "carl@example.test"}


def test_service_errors_show_next_to_the_fields(agent, world):
    data = {"program": world.program_a.pk, "role": "consumer", "language": "en", "phone": "12"}
    response = agent.post("/people/new/", data)
    page = response.content.decode()
    assert response.status_code == 422
    assert "a person needs a first or last name" in page


def test_an_invalid_phone_is_reported_on_the_phone_field(agent, world):
    data = {"program": world.program_a.pk, "last_name": "X", "role": "consumer", "language": "en"}
    response = agent.post("/people/new/", {**data, "phone": "12"})
    assert response.status_code == 422
    assert "&#x27;12&#x27; is not a valid number" in response.content.decode()


def test_a_person_cannot_be_created_in_another_program(agent, world):
    data = {"program": world.program_b.pk, "last_name": "X", "role": "consumer", "language": "en"}
    response = agent.post("/people/new/", data)
    assert response.status_code == 422
    assert not Person.objects.system_scope().filter(last_name="X").exists()
