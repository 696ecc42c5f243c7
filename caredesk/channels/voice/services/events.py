"""Twilio's callbacks about a call: its status (completed, busy, no-answer…) and a voicemail
recording once it is stored at the provider.

Both are found by CallSid within the route's program; an unknown call is None (the view answers
404). A recording is kept on the call (`CallRecording`: sid, URL, duration) and attached to the
call's case as a new inbound interaction with the recording reference: at once when the case is
known, else when the inbox worker files the call (`filing.settle_call`). Redeliveries change
nothing (one recording per RecordingSid).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from caredesk.channels.voice.models import (
    CallRecord,
    CallRecording,
    CallStatus,
    QueueState,
    VoiceRoute,
)
from caredesk.channels.voice.services.filing import settle_call
from caredesk.channels.voice.services.routes import Params, first
from caredesk.errors import InvalidInput

FINAL_STATUSES = {
    CallStatus.COMPLETED,
    CallStatus.BUSY,
    CallStatus.NO_ANSWER,
    CallStatus.FAILED,
    CallStatus.CANCELED,
}
RECORDING_URL_PREFIXES = ("https://", "http://")


def _call(route: VoiceRoute, params: Params, *, lock: bool = False) -> CallRecord | None:
    calls = CallRecord.objects.system_scope().filter(
        program_id=route.program_id, call_sid=first(params, "CallSid").strip()
    )
    if lock:
        calls = calls.select_for_update(of=("self",))
    return calls.select_related("route", "queue", "program").first()


def _seconds(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


def apply_call_status(route: VoiceRoute, params: Params) -> CallRecord | None:
    """Record the call's status; a final one ends it (and any wait it was still in)."""
    raw = first(params, "CallStatus").strip()
    if raw not in CallStatus.values:
        if raw in ("queued", "ringing", ""):
            return _call(route, params)
        raise InvalidInput("Invalid status callback", {"CallStatus": f"unknown {raw[:20]!r}"})
    with transaction.atomic():
        call = _call(route, params, lock=True)
        if call is None:
            return None
        fields = ["status", "updated_at"]
        call.status = CallStatus(raw)
        if call.status in FINAL_STATUSES:
            call.ended_at = call.ended_at or timezone.now()
            call.duration_seconds = _seconds(first(params, "CallDuration"))
            fields += ["ended_at", "duration_seconds"]
            if call.queue_state == QueueState.WAITING:
                call.queue_state, call.dequeued_at = QueueState.ABANDONED, call.ended_at
                fields += ["queue_state", "dequeued_at"]
        call.save(update_fields=fields)
    return call


def store_recording(route: VoiceRoute, params: Params) -> CallRecording | None:
    """Keep the recording reference on the call and attach it to the case when known."""
    sid = first(params, "RecordingSid").strip()
    url = first(params, "RecordingUrl").strip()
    if not sid or len(sid) > 64 or not url.startswith(RECORDING_URL_PREFIXES) or len(url) > 500:
        raise InvalidInput(
            "Invalid recording callback", {"RecordingSid": "required", "RecordingUrl": "an URL"}
        )
    with transaction.atomic():
        call = _call(route, params, lock=True)
        if call is None:
            return None
        recording, created = CallRecording.objects.get_or_create(
            program_id=call.program_id,
            recording_sid=sid,
            defaults={
                "call": call,
                "recording_url": url,
                "duration_seconds": _seconds(first(params, "RecordingDuration")) or 0,
                "status": first(params, "RecordingStatus").strip()[:20],
            },
        )
        if created and recording.status in ("", "completed"):
            settle_call(call)
            recording.refresh_from_db()
    return recording
