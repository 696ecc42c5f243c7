"""Part 11 electronic signatures: re-authenticate, sign a record's exact content, bind the
signature into the audit chain, and check a signature still matches what it covers.

Why here: a signature is an audit fact (11.50 manifestation, 11.70 record linking). The service
that owns the signed record (e.g. safety submissions) calls `sign_record` inside its own
transaction and keeps the returned ESignature on its record.

11.200(a): outside one continuous session every signing uses all components, so the signer
re-enters their password each time. A wrong password is refused, audited as a failed signature
(callers check the password before opening their own transaction, so the refusal is kept
when they raise it on), and counts
toward the account lockout like a failed login.
"""

from __future__ import annotations

import hashlib
from datetime import UTC
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction, ESignature, SignatureMeaning
from caredesk.audit.services import program_of, record_event
from caredesk.errors import Forbidden, InvalidInput


class SignatureRefused(Forbidden):
    """The signer could not be re-authenticated; nothing was signed."""


def content_digest(content: bytes) -> str:
    """SHA-256 (hex) of the bytes a signature covers."""
    return hashlib.sha256(content).hexdigest()


def printed_name_of(user: Any) -> str:
    """11.50(a)(1): the signer's printed name (full name, else the user name)."""
    full = " ".join(p for p in (user.first_name, user.last_name) if p).strip()
    return full or user.username


def _refuse(user: Any, record: models.Model, meaning: str, reason: str) -> SignatureRefused:
    from caredesk.accounts.services.login import count_account_failure

    record_event(
        AuditAction.SIGN_FAILED,
        acting_user=user,
        instance=record,
        changes={"meaning": meaning},
        reason=reason,
    )
    if getattr(user, "pk", None):
        count_account_failure(user.pk, timezone.now())
    return SignatureRefused(f"Signature refused: {reason}", {"password": reason})


def sign_record(
    record: models.Model,
    content: bytes,
    *,
    signer: Any,
    password: str,
    meaning: str = SignatureMeaning.APPROVED_FOR_SUBMISSION,
) -> ESignature:
    """Sign `content` (the exact bytes of `record` being approved) as `signer`.

    Raises SignatureRefused (audited) on a wrong password or an inactive user, InvalidInput on
    an unknown meaning.
    """
    if meaning not in SignatureMeaning.values:
        raise InvalidInput("Unknown signature meaning", {"meaning": "not a valid choice"})
    if signer is None or not getattr(signer, "is_active", False):
        raise _refuse(signer, record, meaning, "the signer is not an active user")
    if not password or not signer.check_password(password):
        raise _refuse(signer, record, meaning, "wrong password")
    return _do_sign(record, content_digest(content), signer, str(meaning))


def _do_sign(record: models.Model, digest: str, signer: Any, meaning: str) -> ESignature:
    signed_at = timezone.now()
    printed = printed_name_of(signer)
    label = SignatureMeaning(meaning).label
    with transaction.atomic():
        event = record_event(
            AuditAction.SIGN,
            acting_user=signer,
            instance=record,
            changes={
                "signature": {
                    "printed_name": printed,
                    "meaning": meaning,
                    "signed_at": signed_at.isoformat(),
                    "content_sha256": digest,
                }
            },
            reason=str(label),
        )
        return ESignature.objects.create(
            user=signer,
            printed_name=printed,
            meaning=meaning,
            signed_at=signed_at,
            model=record._meta.label_lower,
            object_id=str(record.pk),
            program_id=program_of(record),
            content_sha256=digest,
            audit_event=event,
        )


def signature_problems(signature: ESignature, content: bytes | None = None) -> list[str]:
    """Why a signature does not hold (empty when it does): its audit event must record the same
    signer, record, time and digest, and the content, when given, must still hash to it."""
    event = signature.audit_event
    recorded = (event.changes or {}).get("signature", {})
    problems = []
    if event.action != AuditAction.SIGN or event.actor_id != signature.user_id:
        problems.append("the audit event is not this signer's signature")
    if event.model != signature.model or event.object_id != signature.object_id:
        problems.append("the audit event covers another record")
    if recorded.get("content_sha256") != signature.content_sha256:
        problems.append("the signed digest differs from the audit trail")
    if recorded.get("signed_at") != signature.signed_at.isoformat():
        problems.append("the signing time differs from the audit trail")
    if content is not None and content_digest(content) != signature.content_sha256:
        problems.append("the content changed after it was signed")
    return problems


def manifestation(signature: ESignature) -> str:
    """11.50: printed name, date and time (UTC) and meaning, for displays and printouts."""
    when = signature.signed_at.astimezone(UTC)
    return (
        f"Electronically signed by {signature.printed_name} on "
        f"{when:%Y-%m-%d %H:%M:%S} UTC — {signature.get_meaning_display()}"
    )
