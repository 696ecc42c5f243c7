"""Part 11 e-signatures: the signer re-enters their password; the signature shows printed name,
UTC time and meaning, covers a SHA-256 of the exact content, is bound to an audit event, and
can be neither changed nor deleted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import DatabaseError, transaction

from caredesk.audit.models import AuditEvent, ESignature
from caredesk.audit.signatures import (
    SignatureRefused,
    content_digest,
    manifestation,
    sign_record,
    signature_problems,
)
from caredesk.audit.verification import verify_chain
from caredesk.errors import InvalidInput
from caredesk.testing.audit import enforce_append_only
from caredesk.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_signature_manifests_name_time_and_meaning(world):
    world.safety_a.first_name, world.safety_a.last_name = "Sam", "Safety"
    world.safety_a.save()
    signature = sign_record(
        world.case_a, b"content", signer=world.safety_a, password=PASSWORD, meaning="reviewed"
    )
    assert signature.printed_name == "Sam Safety"
    assert signature.content_sha256 == content_digest(b"content")
    assert signature.signed_at.utcoffset() == timedelta(0)
    text = manifestation(signature)
    assert "Sam Safety" in text and "UTC" in text and "Reviewed" in text
    assert signature.program_id == world.program_a.pk
    assert signature_problems(signature, b"content") == []


def test_the_signature_is_part_of_a_verifiable_audit_chain(world):
    signature = sign_record(world.case_a, b"x", signer=world.safety_a, password=PASSWORD)
    event = AuditEvent.objects.get(pk=signature.audit_event_id)
    assert event.changes["signature"]["content_sha256"] == content_digest(b"x")
    assert verify_chain().ok


def test_a_wrong_password_signs_nothing_and_is_audited(world):
    with pytest.raises(SignatureRefused):
        sign_record(world.case_a, b"x", signer=world.safety_a, password="guess")
    assert not ESignature.objects.exists()
    failed = AuditEvent.objects.get(action="sign_failed")
    assert failed.actor_id == world.safety_a.pk and failed.model == "cases.case"
    world.safety_a.refresh_from_db()
    assert world.safety_a.failed_logins == 1  # counts toward the lockout


def test_an_unknown_meaning_is_refused(world):
    with pytest.raises(InvalidInput):
        sign_record(world.case_a, b"x", signer=world.safety_a, password=PASSWORD, meaning="ok")


def test_signatures_cannot_be_changed_or_deleted(world):
    signature = sign_record(world.case_a, b"x", signer=world.safety_a, password=PASSWORD)
    for change in (
        lambda: ESignature.objects.filter(pk=signature.pk).update(printed_name="Someone else"),
        lambda: ESignature.objects.filter(pk=signature.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            enforce_append_only()
            change()
