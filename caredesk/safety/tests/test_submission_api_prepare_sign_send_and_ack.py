"""The submissions API: a safety specialist checks, prepares, signs (Part 11, password again),
sends through the gateway, posts the ACK and resubmits; a wrong password is refused and the
refusal stays in the audit trail although the request's transaction is rolled back; an
auditor reads and downloads; lists filter by work state."""

from __future__ import annotations

import pytest

from caredesk.accounts.models import User
from caredesk.audit.models import AuditEvent, ESignature
from caredesk.safety.models_submission import Submission
from caredesk.safety.tests.complete_case import complete_safety_case
from caredesk.safety.tests.test_submission_signing_sending_and_acks import ack_for
from caredesk.safety.tests.test_views_safety_queue_and_case_form import safety_case
from caredesk.testing.api import ApiClient
from caredesk.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def gateway_dir(settings, tmp_path):
    settings.GATEWAY, settings.GATEWAY_DIR = "local", tmp_path
    return tmp_path


def prepared(world, api) -> dict:
    sc = complete_safety_case(world)
    response = api.post(f"/safety-cases/{sc.pk}/submissions", {"kind": "e2b"})
    assert response.status_code == 201, response.content
    return response.json()


def test_check_lists_problems_and_prepare_refuses_a_report_fda_would_reject(world):
    sc = safety_case(world)
    api = ApiClient(world.safety_a)
    check = api.get(f"/safety-cases/{sc.pk}/e2b-check").json()
    assert check["rejections"] >= 2 and check["problems"][0]["severity"] == "rejection"
    response = api.post(f"/safety-cases/{sc.pk}/submissions", {"kind": "e2b"})
    assert response.status_code == 422
    assert "E.i.2.1b" in response.json()["errors"]
    assert not Submission.objects.system_scope().exists()


def test_prepare_sign_send_and_acknowledge(world, gateway_dir):
    api = ApiClient(world.safety_a)
    draft = prepared(world, api)
    assert draft["status"] == "draft" and draft["signature"] is None
    signed = api.post(f"/submissions/{draft['id']}/sign", {"password": PASSWORD}).json()
    assert signed["status"] == "signed"
    assert signed["signature"]["meaning"] == "approved_for_submission"
    assert signed["signature"]["content_sha256"] == draft["content_sha256"]
    assert "Electronically signed by" in signed["signature"]["manifestation"]
    sent = api.post(f"/submissions/{draft['id']}/send").json()
    assert sent["status"] == "sent" and sent["sent_at"]
    outbox = gateway_dir / "outbox" / world.program_a.code / f"{draft['message_number']}.xml"
    content = api.get(f"/submissions/{draft['id']}/content")
    assert content.status_code == 200 and outbox.read_bytes() == content.content
    sub = Submission.objects.system_scope().get(pk=draft["id"])
    xml = ack_for(sub, "R3ack-positive.ack").decode()
    acked = api.post(f"/submissions/{draft['id']}/ack", {"xml": xml}).json()
    assert acked["status"] == "acknowledged" and acked["ack_code"] == "CA"


def test_a_wrong_password_is_refused_and_the_refusal_is_kept(world):
    api = ApiClient(world.safety_a)
    draft = prepared(world, api)
    response = api.post(f"/submissions/{draft['id']}/sign", {"password": "guess"})
    assert response.status_code == 403 and "wrong password" in response.json()["message"]
    [refused] = AuditEvent.objects.filter(action="sign_failed", object_id=str(draft["id"]))
    assert refused.actor_id == world.safety_a.pk and refused.reason == "wrong password"
    assert User.objects.get(pk=world.safety_a.pk).failed_logins == 1
    assert not ESignature.objects.exists()
    assert Submission.objects.system_scope().get(pk=draft["id"]).status == "draft"


def test_a_rejection_is_resubmitted_and_the_lists_filter_by_work_state(world):
    api = ApiClient(world.safety_a)
    draft = prepared(world, api)
    api.post(f"/submissions/{draft['id']}/sign", {"password": PASSWORD})
    api.post(f"/submissions/{draft['id']}/mark-sent")
    assert [s["id"] for s in api.get("/submissions", status="awaiting_ack").json()["items"]] == [
        draft["id"]
    ]
    sub = Submission.objects.system_scope().get(pk=draft["id"])
    rejected = api.post(
        f"/submissions/{draft['id']}/ack", {"xml": ack_for(sub, "R3ack-negative.ack").decode()}
    ).json()
    assert rejected["status"] == "rejected" and rejected["ack_errors"]
    again = api.post(f"/submissions/{draft['id']}/resubmit")
    assert again.status_code == 201 and again.json()["resubmission_of_id"] == draft["id"]
    assert api.get("/submissions", status="rejected").json()["count"] == 1
    assert api.get("/submissions", status="to_sign").json()["count"] == 1
    listed = api.get(f"/safety-cases/{sub.safety_case_id}/submissions").json()["items"]
    assert [s["status"] for s in listed] == ["draft", "rejected"]


def test_an_ack_for_another_submission_and_not_an_ack_are_422(world):
    api = ApiClient(world.safety_a)
    draft = prepared(world, api)
    api.post(f"/submissions/{draft['id']}/sign", {"password": PASSWORD})
    api.post(f"/submissions/{draft['id']}/mark-sent")
    sub = Submission.objects.system_scope().get(pk=draft["id"])
    other = ack_for(sub, "R3ack-positive.ack").decode()
    other = other.replace(sub.message_number, "X-M").replace(sub.batch_number, "X-B")
    for xml in (other, "<html/>"):
        assert api.post(f"/submissions/{draft['id']}/ack", {"xml": xml}).status_code == 422
    assert Submission.objects.system_scope().get(pk=draft["id"]).status == "sent"


def test_an_auditor_downloads_every_format_but_writes_nothing(world):
    draft = prepared(world, ApiClient(world.safety_a))
    auditor = ApiClient(world.auditor_a)
    sc_id = draft["safety_case_id"]
    for fmt, kind in (("e2b", "xml"), ("medwatch", "pdf"), ("fhir", "json")):
        response = auditor.get(f"/safety-cases/{sc_id}/export/{fmt}")
        assert response.status_code == 200 and kind in response["Content-Type"]
    assert auditor.get(f"/submissions/{draft['id']}").json()["status"] == "draft"
    sign = auditor.post(f"/submissions/{draft['id']}/sign", {"password": PASSWORD})
    assert sign.status_code == 403
    assert auditor.post(f"/safety-cases/{sc_id}/submissions", {}).status_code == 403
    assert not AuditEvent.objects.filter(action="sign_failed").exists()
