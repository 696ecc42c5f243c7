"""An audit event names the HTTP request that caused it: the id a caller sent (X-Request-ID) or
one CareDesk made up, echoed on the response, so a trail entry leads back to its request."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db


def _view_of(person_id: int) -> AuditEvent:
    return AuditEvent.objects.filter(
        action=AuditAction.VIEW, model="people.person", object_id=str(person_id)
    ).latest("seq")


def test_the_callers_request_id_is_on_the_event_and_the_response(client, world):
    client.force_login(world.agent_a)
    response = client.get(
        f"/people/{world.pharmacist_a.pk}/", headers={"X-Request-ID": "trace-0001-abcdef"}
    )
    assert response.status_code == 200
    assert response["X-Request-ID"] == "trace-0001-abcdef"
    assert _view_of(world.pharmacist_a.pk).request_id == "trace-0001-abcdef"


def test_without_a_usable_id_each_request_gets_its_own(world):
    api = ApiClient(world.agent_a)
    first = api.get(f"/persons/{world.pharmacist_a.pk}")
    first_event = _view_of(world.pharmacist_a.pk)
    second = api.client.get(
        f"/api/v1/persons/{world.pharmacist_a.pk}",
        headers={**api.headers, "X-Request-ID": "bad id; drop table"},
    )
    second_event = _view_of(world.pharmacist_a.pk)
    assert first.status_code == second.status_code == 200
    assert first_event.request_id and first_event.request_id == first["X-Request-ID"]
    assert second_event.request_id == second["X-Request-ID"]
    assert second_event.request_id not in ("", "bad id; drop table", first_event.request_id)
