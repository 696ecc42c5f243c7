"""Callers waiting for a specialist: into a queue, the wait estimate, a callback, out again.

A caller waits in the Twilio queue named after the routing queue (`<Enqueue>`); the call's
record says which queue and since when (`queue_state` waiting). The wait URL announces an
estimate from live queue state:

    position = waiting calls of the same queue enqueued before this one + 1
    agents   = available agents certified in the program who have the queue's skills
               (safety training for the safety priority queue)
    minutes  = ceil(position * average handle time / max(1, agents))

with the program's configured average handle time (`IvrConfig.average_handle_minutes`). Calls
still marked waiting after STALE_AFTER (their status callback never came) are not counted.
A caller who presses 1 leaves a `Callback`, due when a specialist would have answered (the
estimate, counted in the phone line's business hours), and is thanked and hung up on; 2 leaves
the queue for voicemail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from caredesk.accounts.models import AgentStatus
from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.channels.voice.models import (
    Callback,
    CallRecord,
    IvrConfig,
    MenuAction,
    QueueState,
)
from caredesk.channels.voice.services.config import (
    clock_rules,
    twilio_queue_name,
    voice_of,
    zone_of,
)
from caredesk.channels.voice.services.filing import IVR_ACTOR, settle_call
from caredesk.channels.voice.services.links import hook
from caredesk.channels.voice.services.twiml import TwiML
from caredesk.routing.models import Queue
from caredesk.routing.models_agents import AgentSkills
from caredesk.routing.services.skills import AGENT_ROLES, AgentProfile
from caredesk.tenancy.models import Membership

STALE_AFTER = timedelta(hours=2)
CALLBACK_FIELDS = ["phone", "queue", "requested_at", "due_at", "status"]


@dataclass(frozen=True)
class WaitEstimate:
    position: int
    agents: int
    minutes: int


def available_agents(queue: Queue) -> int:
    """Available, certified agents of the queue's program who have its skills."""
    return len(fitting_available_agents(queue))


def fitting_available_agents(queue: Queue) -> list[int]:
    """Ids of the available, certified agents of the queue's program who have its skills (and
    safety training for a safety-priority queue)."""
    agent_there = Membership.objects.filter(
        user_id=OuterRef("user_id"),
        program_id=queue.program_id,
        active=True,
        role__in=AGENT_ROLES,
    )
    rows = AgentSkills.objects.filter(
        Exists(agent_there),
        program_id=queue.program_id,
        certified_at__isnull=False,
        user__is_active=True,
        user__agent_status=AgentStatus.AVAILABLE,
    )
    skills = [*(queue.skills or []), *(["safety_trained"] if queue.is_safety_priority else [])]
    return [row.user_id for row in rows if AgentProfile.of(queue.program_id, row).covers(skills)]


def estimate_wait(call: CallRecord, config: IvrConfig) -> WaitEstimate:
    """The caller's place in line and the minutes until a specialist is likely free."""
    if call.queue is None or call.enqueued_at is None:
        return WaitEstimate(1, 0, config.average_handle_minutes)
    since = timezone.now() - STALE_AFTER
    ahead = (
        CallRecord.objects.system_scope()
        .filter(queue=call.queue, queue_state=QueueState.WAITING, enqueued_at__gte=since)
        .filter(
            Q(enqueued_at__lt=call.enqueued_at) | Q(enqueued_at=call.enqueued_at, pk__lt=call.pk)
        )
        .count()
    )
    agents = available_agents(call.queue)
    position = ahead + 1
    minutes = math.ceil(position * config.average_handle_minutes / max(1, agents))
    return WaitEstimate(position, agents, minutes)


def enqueue(
    call: CallRecord, config: IvrConfig, queue: Queue, intent: MenuAction, intro: str = ""
) -> TwiML:
    """Put the caller in the queue's line (once: a retried webhook keeps their place)."""
    with transaction.atomic():
        if call.queue_state != QueueState.WAITING or call.queue_id != queue.pk:
            call.queue, call.queue_state = queue, QueueState.WAITING
            call.enqueued_at, call.dequeued_at = timezone.now(), None
        if call.intent != MenuAction.REPORT_PROBLEM:
            call.intent = intent
        call.save()
        settle_call(call)
    twiml = TwiML(voice_of(config)).say(intro)
    who = "a safety specialist" if intent == MenuAction.REPORT_PROBLEM else "a care specialist"
    twiml.say(f"Please hold while we connect you to {who}.")
    return twiml.enqueue(twilio_queue_name(queue), wait_url=hook("wait"), action=hook("queue_done"))


def minutes_text(minutes: int) -> str:
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


def spoken_phone(phone: str) -> str:
    """The last four digits, read one by one (the whole number is not read out)."""
    return " ".join(phone[-4:])


def request_callback(call: CallRecord, config: IvrConfig) -> Callback | None:
    """A callback for a waiting caller (the same one if asked twice); None: number withheld."""
    if not call.from_phone or call.queue is None:
        return None
    existing = Callback.objects.system_scope().filter(call=call).first()
    if existing is not None:
        return existing
    estimate = estimate_wait(call, config)
    now = timezone.now()
    with transaction.atomic():
        callback = Callback.objects.create(
            program_id=call.program_id,
            call=call,
            phone=call.from_phone,
            queue=call.queue,
            requested_at=now,
            due_at=clock_rules(call.program).add(now, timedelta(minutes=estimate.minutes)),
        )
        record_event(
            AuditAction.CREATE,
            acting_user=None,
            actor_username=IVR_ACTOR,
            instance=callback,
            changes={name: [None, str(getattr(callback, name))] for name in CALLBACK_FIELDS},
            reason=f"asked for by the caller of {call.call_sid} while waiting",
        )
        call.queue_state, call.dequeued_at = QueueState.CALLBACK, now
        call.save(update_fields=["queue_state", "dequeued_at", "updated_at"])
        settle_call(call)
    return callback


def callback_text(callback: Callback) -> str:
    local = callback.due_at.astimezone(zone_of(callback.program))
    today = timezone.now().astimezone(zone_of(callback.program)).date()
    day = "" if local.date() == today else f" on {local:%A}"
    return (
        f"Thank you. A specialist will call you back on the number ending in "
        f"{spoken_phone(callback.phone)}{day} at about {local:%-I:%M %p}. Goodbye."
    )
