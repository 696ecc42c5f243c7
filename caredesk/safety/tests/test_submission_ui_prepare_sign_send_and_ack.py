"""The submissions panel on the safety case page: a safety specialist prepares a report (every
E2B problem listed, nothing created when FDA would reject it), signs it with a Part 11
signature (a wrong password refused and audited), sends it through the gateway, uploads the
ACK and resubmits after a rejection. An auditor reads and downloads; nobody else acts."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.safety.models_submission import Submission, SubmissionStatus
from caredesk.safety.services.submissions import create_submission, mark_sent, sign_submission
from caredesk.safety.tests.complete_case import complete_safety_case
from caredesk.safety.tests.test_submission_signing_sending_and_acks import ack_for
from caredesk.safety.tests.test_views_safety_queue_and_case_form import safety_case
from caredesk.testing.factories import PASSWORD
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def outbox(settings, tmp_path):
    settings.GATEWAY, settings.GATEWAY_DIR = "local", tmp_path
    return tmp_path / "outbox"


@pytest.fixture
def pv(world, client):
    return login_with_mfa(client, world.safety_a)


def post(client, url, data=None, **extra):
    return client.post(url, data or {}, **HX, **extra)


def only(sc) -> Submission:
    return Submission.objects.system_scope().get(safety_case=sc)


def test_the_case_page_shows_the_panel_with_downloads_and_the_prepare_form(world, pv, outbox):
    sc = complete_safety_case(world)
    page = pv.get(f"/safety/cases/{sc.pk}/").content.decode()
    assert 'id="submissions"' in page and 'id="prepare-submission"' in page
    for fmt in ("e2b", "medwatch", "fhir"):
        assert f"/safety/cases/{sc.pk}/export/{fmt}/" in page


def test_an_incomplete_case_lists_every_problem_and_creates_nothing(world, pv, outbox):
    sc = safety_case(world)
    response = post(pv, f"/safety/cases/{sc.pk}/submissions/prepare/", {"kind": "e2b"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="e2b-problems"' in page and "would be rejected" in page
    assert page.count('class="problem problem-rejection"') >= 2 and "<code>E.i.2.1b</code>" in page
    assert not Submission.objects.system_scope().exists()
    checked = pv.get(f"/safety/cases/{sc.pk}/submissions/check/", **HX).content.decode()
    assert 'id="e2b-problems"' in checked


def test_prepare_sign_send_and_a_positive_ack(world, pv, outbox):
    sc = complete_safety_case(world)
    assert (
        post(pv, f"/safety/cases/{sc.pk}/submissions/prepare/", {"kind": "e2b"}).status_code == 200
    )
    sub = only(sc)
    assert sub.status == SubmissionStatus.DRAFT

    wrong = post(pv, f"/safety/submissions/{sub.pk}/sign/", {"password": "guess"})
    assert (
        wrong.status_code == 422 and "Signature refused: wrong password" in wrong.content.decode()
    )
    assert AuditEvent.objects.filter(action="sign_failed", object_id=str(sub.pk)).exists()
    signed = post(
        pv,
        f"/safety/submissions/{sub.pk}/sign/",
        {"password": PASSWORD, "meaning": "approved_for_submission"},
    ).content.decode()
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.SIGNED and sub.signature is not None
    assert f"Electronically signed by {sub.signature.printed_name}" in signed
    assert "Approved for submission" in signed

    assert post(pv, f"/safety/submissions/{sub.pk}/send/").status_code == 200
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.SENT
    sent_file = outbox / world.program_a.code / f"{sub.message_number}.xml"
    assert sent_file.read_bytes() == bytes(sub.content)

    upload = {"file": _file(ack_for(sub, "R3ack-positive.ack"))}
    page = post(pv, f"/safety/submissions/{sub.pk}/ack/", upload).content.decode()
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.ACKNOWLEDGED and "Acknowledged" in page


def _file(content: bytes, name: str = "ack.xml"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/xml")


def sent(world):
    sub = create_submission(complete_safety_case(world), acting_user=world.safety_a)
    sign_submission(sub, acting_user=world.safety_a, password=PASSWORD)
    return mark_sent(sub, acting_user=world.safety_a)


def test_a_negative_ack_shows_fdas_errors_and_a_resubmission_follows(world, pv, outbox):
    sub = sent(world)
    upload = {"file": _file(ack_for(sub, "R3ack-negative.ack"))}
    page = post(pv, f"/safety/submissions/{sub.pk}/ack/", upload).content.decode()
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.REJECTED and "FDA.C.1.7.1" in page
    assert f'id="resubmit-{sub.pk}"' in page
    again = post(pv, f"/safety/submissions/{sub.pk}/resubmit/").content.decode()
    new = Submission.objects.system_scope().get(resubmission_of=sub)
    assert new.status == SubmissionStatus.DRAFT and f"resubmits <code>{sub.message_number}" in again


def test_an_ack_for_another_submission_or_not_an_ack_is_refused(world, pv, outbox):
    sub = sent(world)
    other = ack_for(sub, "R3ack-positive.ack").replace(sub.message_number.encode(), b"X-M")
    other = other.replace(sub.batch_number.encode(), b"X-B")
    for content, text in ((other, "for another submission"), (b"<html/>", "Not an E2B(R3)")):
        response = post(pv, f"/safety/submissions/{sub.pk}/ack/", {"file": _file(content)})
        assert response.status_code == 422 and text in response.content.decode()
    missing = post(pv, f"/safety/submissions/{sub.pk}/ack/")
    assert missing.status_code == 422 and "empty" in missing.content.decode()
    sub.refresh_from_db()
    assert sub.status == SubmissionStatus.SENT


def test_without_htmx_an_action_redirects_to_the_submissions_page(world, pv, outbox):
    sc = complete_safety_case(world)
    response = pv.post(f"/safety/cases/{sc.pk}/submissions/prepare/", {"kind": "medwatch"})
    assert response.status_code == 302 and response["Location"].endswith(
        f"/safety/cases/{sc.pk}/submissions/"
    )
    page = pv.get(response["Location"]).content.decode()
    assert "MedWatch 3500A" in page and "Draft" in page


def test_an_auditor_reads_and_downloads_but_cannot_act(world, client, outbox):
    sub = sent(world)
    client.force_login(world.auditor_a)
    page = client.get(f"/safety/cases/{sub.safety_case_id}/").content.decode()
    assert sub.message_number in page and 'id="prepare-submission"' not in page
    assert f'id="ack-{sub.pk}"' not in page
    content = client.get(f"/safety/submissions/{sub.pk}/content/")
    assert content.status_code == 200 and content.content == bytes(sub.content)
    assert content["Content-Disposition"].endswith(f'{sub.message_number}.xml"')
    for fmt, kind in (("e2b", "xml"), ("medwatch", "pdf"), ("fhir", "json")):
        download = client.get(f"/safety/cases/{sub.safety_case_id}/export/{fmt}/")
        assert download.status_code == 200 and kind in download["Content-Type"]
    assert AuditEvent.objects.filter(action="export", actor_id=world.auditor_a.pk).count() == 3
    for url in (
        f"/safety/cases/{sub.safety_case_id}/submissions/prepare/",
        f"/safety/submissions/{sub.pk}/ack/",
        f"/safety/submissions/{sub.pk}/resubmit/",
    ):
        assert post(client, url).status_code == 403


def test_an_agent_of_the_program_cannot_prepare_or_sign(world, client, outbox):
    sc = complete_safety_case(world)
    draft = create_submission(sc, acting_user=world.safety_a)
    client.force_login(world.agent_a)
    assert post(client, f"/safety/cases/{sc.pk}/submissions/prepare/").status_code == 403
    sign = post(client, f"/safety/submissions/{draft.pk}/sign/", {"password": PASSWORD})
    assert sign.status_code == 403
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.DRAFT
