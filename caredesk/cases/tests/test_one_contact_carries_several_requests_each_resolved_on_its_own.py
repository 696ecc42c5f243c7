"""One call can carry a question, a complaint and a side effect: three requests hang on the same
interaction, and each is resolved on its own while the others stay open (issue 2, data model)."""

from __future__ import annotations

import pytest

from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db

ASKED = (
    ("question", "Can I take it with ibuprofen?"),
    ("complaint", "Blister pack arrived torn"),
    ("side_effect", "Rash after the second dose"),
)


def test_three_requests_of_one_call_are_tracked_to_their_own_resolutions(world):
    api = ApiClient(world.agent_a)
    base = f"/cases/{world.case_a.pk}"
    call = api.post(
        f"{base}/interactions",
        {"channel": "phone", "direction": "inbound", "body": "Question, torn pack and a rash"},
    )
    assert call.status_code == 201, call.json()
    call_id = call.json()["id"]
    ids = {}
    for kind, summary in ASKED:
        added = api.post(
            f"{base}/requests", {"kind": kind, "summary": summary, "interaction_id": call_id}
        )
        assert added.status_code == 201, added.json()
        assert added.json()["interaction_id"] == call_id
        ids[kind] = added.json()["id"]

    resolved = api.post(
        f"{base}/requests/{ids['question']}/resolve", {"resolution": "Answered from the label"}
    )
    assert resolved.status_code == 200, resolved.json()

    listed = {r["kind"]: r for r in api.get(f"{base}/requests").json()["items"]}
    assert set(listed) == {kind for kind, _ in ASKED}
    assert {r["interaction_id"] for r in listed.values()} == {call_id}
    assert listed["question"]["resolved_at"] is not None
    assert listed["question"]["resolution"] == "Answered from the label"
    assert listed["complaint"]["resolved_at"] is None
    assert listed["side_effect"]["resolved_at"] is None

    api.post(f"{base}/requests/{ids['complaint']}/resolve", {"resolution": "Replacement sent"})
    listed = {r["kind"]: r for r in api.get(f"{base}/requests").json()["items"]}
    assert listed["complaint"]["resolution"] == "Replacement sent"
    assert listed["question"]["resolution"] == "Answered from the label"
    assert listed["side_effect"]["resolved_at"] is None


def test_a_request_cannot_hang_on_another_cases_interaction(world):
    api = ApiClient(world.agent_a)
    other_case = f.CaseFactory(program=world.program_a, person=world.pharmacist_a)
    call = api.post(
        f"/cases/{other_case.pk}/interactions",
        {"channel": "phone", "direction": "inbound", "body": "About the other case"},
    )
    assert call.status_code == 201, call.json()
    refused = api.post(
        f"/cases/{world.case_a.pk}/requests",
        {"kind": "question", "summary": "Dose?", "interaction_id": call.json()["id"]},
    )
    assert refused.status_code == 422
    assert "interaction" in refused.json()["errors"]
    assert api.get(f"/cases/{world.case_a.pk}/requests").json()["count"] == 0
