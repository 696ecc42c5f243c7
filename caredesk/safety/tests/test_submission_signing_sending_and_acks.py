"""A submission freezes the report, is signed with a Part 11 e-signature (re-entered password,
printed name, UTC time, meaning, SHA-256 of the content), sent, and then acknowledged or
rejected by FDA's ACK; a rejected one is resubmitted as a new, linked submission."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from caredesk.audit.models import AuditEvent, ESignature
from caredesk.audit.signatures import SignatureRefused, content_digest, signature_problems
from caredesk.errors import Conflict, Forbidden
from caredesk.safety.e2b.schema_files import EXAMPLES_DIR
from caredesk.safety.models import SafetyCaseStatus
from caredesk.safety.models_submission import Submission, SubmissionStatus
from caredesk.safety.services.submissions import (
    apply_ack,
    create_submission,
    mark_sent,
    resubmit,
    sign_submission,
)
from caredesk.safety.tests.complete_case import complete_safety_case
from caredesk.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db

INSTANCES = EXAMPLES_DIR


def ack_for(submission: Submission, name: str) -> bytes:
    """FDA's sample ACK, addressed to our submission's message and batch numbers."""
    text = (INSTANCES / name).read_text(encoding="utf-8")
    for element, value in (
        ("targetMessage", submission.message_number),
        ("targetBatch", submission.batch_number),
    ):
        pattern = rf'(<{element}>\s*<id extension=")[^"]*'
        text = re.sub(pattern, rf"\g<1>{value}", text)
    return text.encode("utf-8")


def sent_submission(world) -> Submission:
    sc = complete_safety_case(world)
    submission = create_submission(sc, acting_user=world.safety_a)
    sign_submission(submission, acting_user=world.safety_a, password=PASSWORD)
    return mark_sent(submission, acting_user=world.safety_a)


def test_a_draft_freezes_validated_content(world):
    sc = complete_safety_case(world)
    submission = create_submission(sc, acting_user=world.safety_a)
    assert submission.status == SubmissionStatus.DRAFT and submission.kind == "e2b"
    assert submission.content_sha256 == content_digest(bytes(submission.content))
    assert submission.message_number.encode() in bytes(submission.content)
    assert submission.receiver == "ZZFDA/CDER"


def test_only_a_safety_specialist_creates_or_signs(world):
    sc = complete_safety_case(world)
    with pytest.raises(Forbidden):
        create_submission(sc, acting_user=world.agent_a)


def test_signing_records_a_part_11_signature_bound_into_the_audit_chain(world):
    sc = complete_safety_case(world)
    submission = create_submission(sc, acting_user=world.safety_a)
    sign_submission(submission, acting_user=world.safety_a, password=PASSWORD)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SIGNED
    assert submission.signed_by == world.safety_a and submission.signed_at is not None
    signature = submission.signature
    assert signature is not None
    assert signature.meaning == "approved_for_submission"
    assert signature.printed_name and signature.content_sha256 == submission.content_sha256
    assert signature.model == "safety.submission" and signature.object_id == str(submission.pk)
    event = signature.audit_event
    assert event.action == "sign" and event.actor_id == world.safety_a.pk
    assert signature_problems(signature, bytes(submission.content)) == []
    assert signature_problems(signature, b"changed content")  # 11.70: bound to the content


def test_a_wrong_password_is_refused_and_audited_as_a_failed_signature(world):
    sc = complete_safety_case(world)
    submission = create_submission(sc, acting_user=world.safety_a)
    with pytest.raises(SignatureRefused):
        sign_submission(submission, acting_user=world.safety_a, password="not it")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT and submission.signature is None
    assert not ESignature.objects.exists()
    failed = AuditEvent.objects.get(action="sign_failed")
    assert failed.actor_id == world.safety_a.pk and failed.object_id == str(submission.pk)
    assert failed.reason == "wrong password"


def test_only_signed_submissions_are_sent_and_the_case_becomes_submitted(world):
    sc = complete_safety_case(world)
    submission = create_submission(sc, acting_user=world.safety_a)
    with pytest.raises(Conflict):
        mark_sent(submission, acting_user=world.safety_a)
    sign_submission(submission, acting_user=world.safety_a, password=PASSWORD)
    mark_sent(submission, acting_user=world.safety_a)
    assert submission.status == SubmissionStatus.SENT and submission.sent_at is not None
    submission.safety_case.refresh_from_db()
    assert submission.safety_case.status == SafetyCaseStatus.SUBMITTED


def test_a_positive_ack_acknowledges_the_submission(world):
    submission = sent_submission(world)
    [updated] = apply_ack(ack_for(submission, "R3ack-positive.ack"))
    updated.refresh_from_db()
    assert updated.pk == submission.pk and updated.status == SubmissionStatus.ACKNOWLEDGED
    assert updated.ack_code == "CA" and updated.ack_received_at is not None


def test_a_negative_ack_rejects_with_fdas_error_texts_and_a_resubmission_links_back(world):
    submission = sent_submission(world)
    [updated] = apply_ack(ack_for(submission, "R3ack-negative.ack"))
    updated.refresh_from_db()
    assert updated.status == SubmissionStatus.REJECTED and updated.ack_code == "CR"
    assert any("FDA.C.1.7.1" in e for e in updated.ack_errors)
    again = resubmit(updated, acting_user=world.safety_a)
    assert again.resubmission_of == updated and again.status == SubmissionStatus.DRAFT
    assert again.message_number != updated.message_number
    with pytest.raises(Conflict, match="Already resubmitted"):
        resubmit(updated, acting_user=world.safety_a)


def test_the_ack_command_updates_the_status(world, tmp_path, capsys):
    submission = sent_submission(world)
    path = tmp_path / "ack.xml"
    path.write_bytes(ack_for(submission, "R3ack-negative.ack"))
    call_command("safety", "ack", str(path))
    assert f"{submission.message_number}: rejected" in capsys.readouterr().out
    other = tmp_path / "other.xml"
    other.write_bytes((INSTANCES / "R3ack-positive.ack").read_bytes())
    with pytest.raises(SystemExit) as exit_info:
        call_command("safety", "ack", str(other))
    assert exit_info.value.code == 1
