"""Interactions through the REST API: logged with attachments, corrected by new versions."""

from __future__ import annotations

import base64

from caredesk.cases.models import Attachment, Interaction
from caredesk.testing.api import ApiClient


def _log(api: ApiClient, case_id: int, **extra):
    body = {"channel": "phone", "direction": "inbound", "body": "Asked about dosing", **extra}
    return api.post(f"/cases/{case_id}/interactions", body)


def test_log_an_interaction_with_a_base64_attachment(world):
    api = ApiClient(world.agent_a)
    content = b"%PDF-1.4 label scan"
    response = _log(
        api,
        world.case_a.pk,
        attachments=[
            {"filename": "label.pdf", "content_base64": base64.b64encode(content).decode()}
        ],
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["case_id"] == world.case_a.pk
    assert body["attachments"][0]["size"] == len(content)
    assert body["attachments"][0]["content_type"] == "application/pdf"
    listed = api.get(f"/cases/{world.case_a.pk}/interactions").json()
    assert [i["id"] for i in listed["items"]] == [body["id"]]
    assert api.get(f"/cases/{world.case_a.pk}").json()["status"] == "open"


def test_bad_base64_or_a_refused_type_writes_nothing(world):
    api = ApiClient(world.agent_a)
    bad = _log(api, world.case_a.pk, attachments=[{"filename": "a.pdf", "content_base64": "%%"}])
    assert bad.status_code == 422
    assert "attachments.0.content_base64" in bad.json()["errors"]
    exe = base64.b64encode(b"MZ").decode()
    refused = _log(api, world.case_a.pk, attachments=[{"filename": "a.exe", "content_base64": exe}])
    assert refused.status_code == 422
    assert "attachments" in refused.json()["errors"]
    assert not Interaction.objects.exists()
    assert not Attachment.objects.exists()


def test_naive_or_future_times_are_refused(world):
    api = ApiClient(world.agent_a)
    naive = _log(api, world.case_a.pk, occurred_at="2024-01-01T10:00:00")
    assert naive.status_code == 422
    assert "occurred_at" in naive.json()["errors"]
    future = _log(api, world.case_a.pk, occurred_at="2190-01-01T10:00:00Z")
    assert future.status_code == 422


def test_correction_is_a_new_version_and_the_original_stays(world):
    api = ApiClient(world.agent_a)
    original = _log(api, world.case_a.pk).json()
    url = f"/interactions/{original['id']}/corrections"
    assert api.post(url, {"body": "Asked about max dose"}).status_code == 422
    response = api.post(url, {"body": "Asked about max dose", "reason": "typo"})
    assert response.status_code == 201
    version = response.json()
    assert version["version"] == 2
    assert version["corrects_id"] == original["id"]
    assert api.get(f"/interactions/{original['id']}").json()["body"] == "Asked about dosing"


def test_interactions_of_another_program_are_not_found(world):
    original = _log(ApiClient(world.agent_a), world.case_a.pk).json()
    other = ApiClient(world.agent_b)
    assert other.get(f"/interactions/{original['id']}").status_code == 404
    assert _log(other, world.case_a.pk).status_code == 404


def test_a_closed_case_takes_no_new_interaction(world):
    api = ApiClient(world.agent_a)
    api.patch(f"/cases/{world.case_a.pk}", {"status": "closed", "reason": "done"})
    response = _log(api, world.case_a.pk)
    assert response.status_code == 409
    assert response.json()["message"]
