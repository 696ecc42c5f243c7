"""Once a call is filed on a case, apply what was waiting for that case.

The webhooks answer as soon as a call is stored; the inbox worker files it on a case later.
Whatever a call produced before its case was known is kept on the call's own records and
applied here, when its first inbox row is filed (the inbox's after-processing hook, inside the
worker's transaction), or at once when the case is already known:
- a voicemail: a new inbound interaction on the case carrying the recording reference
  (interactions are immutable, so the recording is never written onto an existing one);
- a callback: linked to the case and the caller's person;
- a caller who chose "report a side effect or a problem": the case moves to the program's
  safety priority queue (audited as `system:ivr`, on the timeline), even when the screener
  found nothing in what the caller said.
"""

from __future__ import annotations

import logging

from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.cases.models import Case, Direction, Interaction, TimelineKind
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.channels.models import InboundMessage
from caredesk.channels.voice.models import Callback, CallRecord, CallRecording, MenuAction
from caredesk.errors import CareDeskError
from caredesk.people.models import Channel

logger = logging.getLogger(__name__)
IVR_ACTOR = "system:ivr"
PROVIDER = "twilio"


def file_call_step(row: InboundMessage, interaction: Interaction) -> None:
    """Inbox hook: a row of a call's session was filed; the call learns its case."""
    if row.channel != Channel.PHONE or row.provider != PROVIDER or not row.session_id:
        return
    call = (
        CallRecord.objects.system_scope()
        .select_for_update(of=("self",))
        .filter(program_id=row.program_id, call_sid=row.session_id)
        .select_related("route", "queue")
        .first()
    )
    if call is None or row.case is None:
        return
    if call.case_id is None:
        call.case, call.person = row.case, row.person
        call.save(update_fields=["case", "person", "updated_at"])
    settle_call(call)


def settle_call(call: CallRecord) -> None:
    """Apply what waits for the call's case (nothing until the case is known)."""
    if call.case_id is None:
        return
    with transaction.atomic():
        case = Case.objects.system_scope().select_for_update().get(pk=call.case_id)
        for callback in Callback.objects.system_scope().filter(call=call, case__isnull=True):
            _link_callback(call, case, callback)
        for recording in CallRecording.objects.system_scope().filter(
            call=call, interaction__isnull=True, status__in=["", "completed"]
        ):
            _attach_recording(call, case, recording)
        if call.intent == MenuAction.REPORT_PROBLEM and not call.moved_case_to_queue:
            _move_case_to_call_queue(call, case)


def _link_callback(call: CallRecord, case: Case, callback: Callback) -> None:
    callback.case_id, callback.person_id = call.case_id, call.person_id
    callback.save(update_fields=["case", "person"])
    due = f"{callback.due_at:%Y-%m-%d %H:%M} UTC"
    add_timeline_entry(
        case,
        TimelineKind.NOTE,
        f"Callback requested by phone to {callback.phone}, due {due}",
        data={"callback": callback.pk, "call": call.call_sid},
    )


def _attach_recording(call: CallRecord, case: Case, recording: CallRecording) -> None:
    minutes, seconds = divmod(recording.duration_seconds, 60)
    length = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    data = InteractionInput(
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        subject="Voicemail",
        body=f"Voicemail left on the call {call.call_sid} ({length}).",
        recording_ref=recording.recording_url,
    )
    try:
        with transaction.atomic():
            interaction = log_interaction(case, data, acting_user=call.route.received_by)
            recording.interaction = interaction
            recording.save(update_fields=["interaction"])
    except CareDeskError as exc:
        # A closed case (or a service account that lost its role): the recording stays on the
        # call, listed by the API, for a person to file.
        logger.warning("voicemail %s not filed: %s", recording.recording_sid, exc.message)


def _move_case_to_call_queue(call: CallRecord, case: Case) -> None:
    """The caller asked for a safety specialist: the case waits in the call's queue too."""
    if call.queue_id is None:
        return
    if case.queue_id != call.queue_id and case.is_open:
        old = case.queue_id
        case.queue_id = call.queue_id
        case.save(update_fields=["queue", "updated_at"])
        record_event(
            AuditAction.UPDATE,
            acting_user=None,
            actor_username=IVR_ACTOR,
            instance=case,
            changes={"queue": [old, call.queue_id]},
            reason="caller chose to report a side effect or a product problem",
        )
        name = call.queue.name if call.queue is not None else "the safety queue"
        add_timeline_entry(
            case,
            TimelineKind.ASSIGNMENT,
            f"Moved to {name}: the caller chose to report a side effect or a product problem",
            data={"queue": call.queue_id, "call": call.call_sid},
        )
    call.moved_case_to_queue = True
    call.save(update_fields=["moved_case_to_queue", "updated_at"])
