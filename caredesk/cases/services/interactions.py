"""Logging contacts on a case, correcting them by new versions, storing attachments."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from caredesk.audit.services import record_created
from caredesk.cases.models import (
    Attachment,
    Case,
    CaseStatus,
    Direction,
    Interaction,
    TimelineKind,
)
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.errors import Conflict, InvalidInput
from caredesk.people.models import Channel
from caredesk.sanitize import sanitize_html
from caredesk.tenancy.services import check_can_write

INTERACTION_FIELDS = ["case", "channel", "direction", "occurred_at", "received_at", "body"]
ALLOWED_ATTACHMENT_TYPES = frozenset(
    {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/tiff",
        "text/plain",
        "audio/mpeg",
        "audio/wav",
        "audio/x-wav",
    }
)


@dataclass
class AttachmentInput:
    filename: str
    content: bytes
    content_type: str = ""


@dataclass
class InteractionInput:
    channel: str
    direction: str
    body: str = ""
    subject: str = ""
    body_html: str = ""
    occurred_at: datetime | None = None
    received_at: datetime | None = None
    recording_ref: str = ""
    attachments: list[AttachmentInput] = field(default_factory=list)


def _validate_interaction(data: InteractionInput) -> None:
    errors: dict[str, str] = {}
    if data.channel not in Channel.values:
        errors["channel"] = f"{data.channel!r} is not one of {', '.join(Channel.values)}"
    if data.direction not in Direction.values:
        errors["direction"] = f"{data.direction!r} is not one of {', '.join(Direction.values)}"
    if not (data.body.strip() or data.body_html.strip() or data.attachments or data.recording_ref):
        errors["body"] = "an interaction needs text, an attachment or a recording"
    if data.occurred_at and data.occurred_at > timezone.now() + timedelta(minutes=5):
        errors["occurred_at"] = "cannot be in the future"
    for item in data.attachments:
        problem = attachment_problem(item)
        if problem:
            errors["attachments"] = f"{item.filename}: {problem}"
    if errors:
        raise InvalidInput("Invalid interaction", errors)


def attachment_problem(item: AttachmentInput) -> str:
    """Why an attachment cannot be stored, or an empty string when it can."""
    content_type = item.content_type or mimetypes.guess_type(item.filename)[0] or ""
    if content_type not in ALLOWED_ATTACHMENT_TYPES:
        return f"type {content_type or 'unknown'} is not accepted"
    if len(item.content) > settings.ATTACHMENT_MAX_BYTES:
        return f"larger than {settings.ATTACHMENT_MAX_BYTES} bytes"
    if not item.content:
        return "empty file"
    return ""


def _store_attachment(interaction: Interaction, item: AttachmentInput) -> Attachment:
    content_type = item.content_type or mimetypes.guess_type(item.filename)[0] or ""
    safe_name = item.filename.replace("/", "_").replace("\\", "_")[:200] or "attachment"
    attachment = Attachment(
        interaction=interaction,
        program_id=interaction.program_id,
        filename=safe_name,
        content_type=content_type,
        size=len(item.content),
        sha256=hashlib.sha256(item.content).hexdigest(),
    )
    attachment.file.save(safe_name, ContentFile(item.content), save=False)
    attachment.save()
    return attachment


def _known_attachments(interaction: Interaction, stored: list[Attachment]) -> None:
    """Fill the `attachments` prefetch cache (as `prefetch_related` would) with the rows just
    stored: the API response lists them, and they are all there are, so no query is needed."""
    queryset = interaction.attachments.all()
    queryset._result_cache = stored
    queryset._prefetch_done = True  # type: ignore[attr-defined]
    interaction._prefetched_objects_cache = {"attachments": queryset}  # type: ignore[attr-defined]


def log_interaction(case: Case, data: InteractionInput, *, acting_user: Any) -> Interaction:
    """Record a contact on a case; the first outbound reply stops the first-response clock."""
    check_can_write(acting_user, case.program_id)
    if case.status == CaseStatus.CLOSED:
        raise Conflict("The case is closed; reopen it to log a contact")
    _validate_interaction(data)
    now = timezone.now()
    with transaction.atomic():
        interaction = Interaction.objects.create(
            program_id=case.program_id,
            case=case,
            # The id, not `case.person`: the related object would cost a query per contact.
            person_id=case.person_id,
            channel=data.channel,
            direction=data.direction,
            occurred_at=data.occurred_at or now,
            received_at=data.received_at or now,
            subject=data.subject[:300],
            body=data.body,
            body_html=sanitize_html(data.body_html) if data.body_html else "",
            recording_ref=data.recording_ref,
            author=acting_user if getattr(acting_user, "pk", None) else None,
        )
        _known_attachments(
            interaction, [_store_attachment(interaction, item) for item in data.attachments]
        )
        _after_contact(case, interaction, acting_user)
        # The audit append takes the chain lock (PostgreSQL: an advisory lock held to COMMIT),
        # so the domain rows and the screener's reading come first: other writers wait for the
        # lock as briefly as possible. The events keep their order (interaction, screening).
        prepared = _prepare_screening(interaction)
        record_created(interaction, acting_user=acting_user, fields=INTERACTION_FIELDS)
        _screen(interaction, acting_user, new=True, prepared=prepared)
    return interaction


def _prepare_screening(interaction: Interaction) -> Any:
    from caredesk.safety.services.intake import prepare_screening

    return prepare_screening(interaction)


def _screen(
    interaction: Interaction, acting_user: Any, *, new: bool = False, prepared: Any = None
) -> None:
    """Every saved interaction is screened for safety content in its own transaction.

    `new` says the interaction was created in this transaction, so it cannot have been
    screened yet and the screener may skip its already-screened lookup."""
    from caredesk.safety.services.intake import screen_interaction

    screen_interaction(interaction, acting_user=acting_user, unscreened=new, prepared=prepared)


def _adopt_sla_channel(case: Case, interaction: Interaction, acting_user: Any) -> None:
    """A case opened without a channel takes its first contact's for its SLA (routing's rule)."""
    from caredesk.routing.services.sla_scope import adopt_first_contact_channel

    adopt_first_contact_channel(case, interaction.channel, acting_user=acting_user)


def _after_contact(case: Case, interaction: Interaction, acting_user: Any) -> None:
    if interaction.direction == Direction.OUTBOUND and case.first_responded_at is None:
        case.first_responded_at = interaction.occurred_at
        from caredesk.cases.tasks import refresh_case_sla

        case_id = case.pk
        transaction.on_commit(lambda: refresh_case_sla(case_id))
    first_contact = case.status == CaseStatus.NEW
    if first_contact:
        case.status = CaseStatus.OPEN
    case.save(update_fields=["first_responded_at", "status", "updated_at"])
    if first_contact:
        _adopt_sla_channel(case, interaction, acting_user)
    label = f"{interaction.get_channel_display()} {interaction.get_direction_display().lower()}"
    add_timeline_entry(
        case,
        TimelineKind.INTERACTION,
        f"{label}: {interaction.body[:200]}",
        actor=acting_user,
        interaction=interaction,
        at=interaction.occurred_at,
    )


def correct_interaction(
    original: Interaction, *, body: str, reason: str, acting_user: Any
) -> Interaction:
    """Record a corrected version; the original stays, and both remain visible."""
    check_can_write(acting_user, original.program_id)
    if not reason.strip():
        raise InvalidInput("A reason is required for a correction", {"reason": "required"})
    if not body.strip():
        raise InvalidInput("Invalid correction", {"body": "the corrected text cannot be empty"})
    latest = original
    while (newer := latest.corrections.order_by("-version").first()) is not None:
        latest = newer
    with transaction.atomic():
        version = Interaction.objects.create(
            program_id=latest.program_id,
            case_id=latest.case_id,
            person_id=latest.person_id,
            channel=latest.channel,
            direction=latest.direction,
            occurred_at=latest.occurred_at,
            received_at=latest.received_at,
            subject=latest.subject,
            body=body,
            recording_ref=latest.recording_ref,
            author=acting_user,
            version=latest.version + 1,
            corrects=latest,
            correction_reason=reason.strip(),
        )
        record_created(version, acting_user=acting_user, fields=[*INTERACTION_FIELDS, "corrects"])
        add_timeline_entry(
            latest.case,
            TimelineKind.CORRECTION,
            f"Interaction corrected (v{version.version}): {reason.strip()}",
            actor=acting_user,
            interaction=version,
        )
        _screen(version, acting_user, new=True)
    return version
