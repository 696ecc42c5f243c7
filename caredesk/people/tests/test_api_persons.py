"""Persons and organizations through the REST API: validated first, audited, program-scoped."""

from __future__ import annotations

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.people.models import ContactPoint, Person
from caredesk.testing.api import ApiClient


def test_create_person_with_contact_points_normalises_them(world):
    api = ApiClient(world.agent_a)
    response = api.post(
        "/persons",
        {
            "program_id": world.program_a.pk,
            "first_name": "Zoe",
            "last_name": "Caller",
            "role": "caregiver",
            "phones": ["(202) 555-0123"],
            "emails": ["Zoe@Example.TEST"],
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["full_name"] == "Zoe Caller"
    assert body["program_id"] == world.program_a.pk
    values = {(p["kind"], p["value"]) for p in body["contact_points"]}
    assert values == {("phone", "+12025550123"), ("email", "zoe@example.test")}
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, model="people.person", object_id=str(body["id"])
    ).exists()


def test_invalid_contact_point_writes_nothing_and_names_the_field(world):
    before = Person.objects.count()
    response = ApiClient(world.agent_a).post(
        "/persons",
        {"program_id": world.program_a.pk, "last_name": "Nobody", "phones": ["not a phone"]},
    )
    assert response.status_code == 422
    assert response.json()["message"]
    assert "phones" in response.json()["errors"]
    assert Person.objects.count() == before


def test_schema_errors_use_the_same_shape(world):
    response = ApiClient(world.agent_a).post(
        "/persons", {"program_id": world.program_a.pk, "role": "wizard", "phones": [5]}
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) >= {"role", "phones.0"}
    assert response.json()["message"] == "Invalid input"


def test_get_person_is_audited_as_a_view(world):
    response = ApiClient(world.agent_a).get(f"/persons/{world.pharmacist_a.pk}")
    assert response.status_code == 200
    assert response.json()["last_name"] == "Pharma"
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_id=str(world.pharmacist_a.pk), model="people.person"
    ).exists()


def test_patch_person_needs_a_reason_and_records_it(world):
    api = ApiClient(world.agent_a)
    url = f"/persons/{world.pharmacist_a.pk}"
    assert api.patch(url, {"last_name": "Pharmacist"}).status_code == 422
    response = api.patch(url, {"last_name": "Pharmacist", "reason": "caller spelled it"})
    assert response.status_code == 200
    assert response.json()["last_name"] == "Pharmacist"
    assert response.json()["first_name"] == "Ana"  # fields not sent stay as they were
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, model="people.person").last()
    assert event is not None
    assert event.reason == "caller spelled it"
    assert event.changes["last_name"] == ["Pharma", "Pharmacist"]


def test_patch_person_rejects_a_null_for_a_text_field(world):
    response = ApiClient(world.agent_a).patch(
        f"/persons/{world.pharmacist_a.pk}", {"first_name": None, "reason": "x"}
    )
    assert response.status_code == 422


def test_add_contact_point(world):
    response = ApiClient(world.agent_a).post(
        f"/persons/{world.pharmacist_a.pk}/contact-points",
        {"kind": "email", "value": "Ana.Work@Pharmacy.TEST"},
    )
    assert response.status_code == 201
    assert response.json()["value"] == "ana.work@pharmacy.test"
    assert ContactPoint.objects.filter(person=world.pharmacist_a).count() == 3


def test_list_persons_paginates_and_filters(world):
    api = ApiClient(world.agent_a)
    for name in ("Able", "Baker", "Charlie"):
        api.post("/persons", {"program_id": world.program_a.pk, "last_name": name})
    page = api.get("/persons", limit=2, offset=0).json()
    assert page["count"] == 4
    assert len(page["items"]) == 2
    assert page["limit"] == 2
    second = api.get("/persons", limit=2, offset=2).json()
    assert {p["id"] for p in page["items"]}.isdisjoint({p["id"] for p in second["items"]})
    pharmacists = api.get("/persons", role="pharmacist").json()
    assert [p["last_name"] for p in pharmacists["items"]] == ["Pharma"]
    by_name = api.get("/persons", name="bak").json()
    assert [p["last_name"] for p in by_name["items"]] == ["Baker"]


def test_limit_above_the_maximum_is_refused(world):
    response = ApiClient(world.agent_a).get("/persons", limit=100_000)
    assert response.status_code == 422
    assert "limit" in response.json()["errors"]


def test_auditor_may_read_but_not_write(world):
    api = ApiClient(world.auditor_a)
    assert api.get(f"/persons/{world.pharmacist_a.pk}").status_code == 200
    response = api.post("/persons", {"program_id": world.program_a.pk, "last_name": "X"})
    assert response.status_code == 403
    assert response.json()["message"]


def test_organizations_create_list_get(world):
    api = ApiClient(world.agent_a)
    response = api.post(
        "/organizations",
        {"program_id": world.program_a.pk, "name": "Main St Pharmacy", "kind": "pharmacy"},
    )
    assert response.status_code == 201
    org_id = response.json()["id"]
    assert api.get(f"/organizations/{org_id}").json()["name"] == "Main St Pharmacy"
    listed = api.get("/organizations", kind="pharmacy").json()
    assert [o["id"] for o in listed["items"]] == [org_id]
    assert ApiClient(world.agent_b).get(f"/organizations/{org_id}").status_code == 404
