"""Video calls booked on a case: a meeting link sent by email or SMS, recorded on the case.

Booking writes three things in one transaction: the call, a video interaction on the case
timeline ("video call booked for …") and the invitation, sent through the email or SMS reply
path (consent-checked there, delivered after commit). If the invitation cannot go (no address,
an opt-out) nothing is written. Times are shown in the program's time zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_created, record_event
from caredesk.cases.models import Case, Direction
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.channels.documents.models import VideoCall, VideoCallStatus
from caredesk.channels.documents.services.providers import new_video_link
from caredesk.errors import Conflict, InvalidInput
from caredesk.tenancy.services import check_can_write

INVITE_CHANNELS = ("email", "sms")
FIELDS = ["case", "interaction", "starts_at", "duration_minutes", "invited_by", "status"]


def _when(case: Case, at: datetime) -> str:
    local = at.astimezone(ZoneInfo(case.program.time_zone))
    return f"{local:%A %B %d, %Y at %H:%M} ({case.program.time_zone})"


def _check(starts_at: datetime, duration: int, via: str) -> None:
    errors: dict[str, str] = {}
    now = timezone.now()
    if timezone.is_naive(starts_at):
        errors["starts_at"] = "give a time zone (e.g. 2026-12-05T15:00:00-05:00)"
    elif starts_at < now - timedelta(minutes=5):
        errors["starts_at"] = "must not be in the past"
    elif starts_at > now + timedelta(days=366):
        errors["starts_at"] = "at most a year ahead"
    if not 5 <= duration <= 240:
        errors["duration_minutes"] = "5 to 240 minutes"
    if via not in INVITE_CHANNELS:
        errors["via"] = "email or sms"
    if errors:
        raise InvalidInput("Invalid video call", errors)


def _send(case: Case, text: str, via: str, acting_user: Any) -> int:
    if via == "email":
        from caredesk.channels.email.services.replies import send_case_email

        return send_case_email(case, text, acting_user=acting_user).pk
    from caredesk.channels.sms.services.replies import send_case_sms

    return send_case_sms(case, text, acting_user=acting_user).pk


def schedule_video_call(
    case: Case, *, starts_at: datetime, duration_minutes: int, via: str, acting_user: Any
) -> VideoCall:
    """Book the call, record it on the case and send the link; InvalidInput / Conflict write
    nothing."""
    check_can_write(acting_user, case.program_id)
    _check(starts_at, duration_minutes, via)
    link = new_video_link()
    when = _when(case, starts_at)
    note = f"Video call booked for {when}, {duration_minutes} minutes. Link sent by {via}: {link}"
    invitation = (
        f"Your video call with {case.program.name} about {case.reference} is booked for {when}. "
        f"Join here: {link}"
    )
    with transaction.atomic():
        interaction = log_interaction(
            case,
            InteractionInput(channel="video", direction=Direction.OUTBOUND, body=note),
            acting_user=acting_user,
        )
        call = VideoCall.objects.create(
            program_id=case.program_id,
            case=case,
            interaction=interaction,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            join_url=link,
            invited_by=via,
            invitation_id=_send(case, invitation, via, acting_user),
            created_by=acting_user,
        )
        record_created(call, acting_user=acting_user, fields=FIELDS)
    return call


def cancel_video_call(call: VideoCall, *, reason: str, acting_user: Any) -> VideoCall:
    """Cancel a booked call and tell the person by the channel the link went by."""
    check_can_write(acting_user, call.program_id)
    if call.status != VideoCallStatus.SCHEDULED:
        raise Conflict("The call is already cancelled")
    if not reason.strip():
        raise InvalidInput("Invalid cancellation", {"reason": "say why the call is cancelled"})
    case = call.case
    text = f"Your video call about {case.reference} on {_when(case, call.starts_at)} is cancelled."
    with transaction.atomic():
        call.status, call.cancel_reason = VideoCallStatus.CANCELLED, reason.strip()[:2000]
        call.save(update_fields=["status", "cancel_reason"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=call,
            changes={"status": [VideoCallStatus.SCHEDULED, VideoCallStatus.CANCELLED]},
            reason=call.cancel_reason,
        )
        _send(case, text, call.invited_by, acting_user)
    return call
