"""Due callbacks of a push queue go to an available agent, as cases do (decision 0010).

Each minute (`voice.tasks.push_due_callbacks`), a due, unclaimed (or stale-claimed) callback
of a queue in push mode is claimed for the available, certified agent of the program who
covers the queue's skills (safety training for the safety queue) and holds the fewest
scheduled callbacks; the agent gets a notice on the bell. Pull queues keep the worklist only.
The claim is taken under the callback's row lock, so a callback goes to one agent however
many sweeps run; the push is audited as `system:router` and written on the case's timeline.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.channels.voice.models import Callback, CallbackStatus
from caredesk.channels.voice.services.callbacks import CLAIM_EXPIRES, claim_is_open
from caredesk.channels.voice.services.queueing import fitting_available_agents
from caredesk.routing.models import AssignmentMode, Queue
from caredesk.safety.services.notices import notify_users

ROUTER_ACTOR = "system:router"


def agents_for(queue: Queue) -> list[int]:
    """Available, certified agents who may call back from `queue`, fewest callbacks held first."""
    fit = fitting_available_agents(queue)
    held = dict(
        Callback.objects.system_scope()  # scoping: ok (counting the agents' own callbacks)
        .filter(claimed_by_id__in=fit, status=CallbackStatus.SCHEDULED)
        .values_list("claimed_by_id")
        .annotate(n=Count("pk"))
    )
    return sorted(set(fit), key=lambda pk: (held.get(pk, 0), pk))


def push_callback(callback: Callback) -> int | None:
    """Claim the callback for the best available agent; the agent's id, or None."""
    for agent_id in agents_for(callback.queue)[:5]:
        with transaction.atomic():
            locked = (
                Callback.objects.system_scope()  # scoping: ok (the system's own sweep)
                .select_for_update(of=("self",))
                .select_related("queue", "case")
                .get(pk=callback.pk)
            )
            if locked.status != CallbackStatus.SCHEDULED or not claim_is_open(locked):
                return None
            now = timezone.now()
            previous = locked.claimed_by_id
            locked.claimed_by_id, locked.claimed_at = agent_id, now
            locked.save(update_fields=["claimed_by", "claimed_at"])
            record_event(
                AuditAction.UPDATE,
                acting_user=None,
                actor_username=ROUTER_ACTOR,
                instance=locked,
                changes={"claimed_by": [previous, agent_id]},
                reason=f"due callback pushed from {locked.queue.name}",
            )
            text = f"Call back {locked.phone} now ({locked.queue.name})"
            notify_users(locked.program_id, [agent_id], text, at=now, case_id=locked.case_id)
            if locked.case is not None:
                from caredesk.cases.models import TimelineKind
                from caredesk.cases.services.timeline import add_timeline_entry

                add_timeline_entry(
                    locked.case,
                    TimelineKind.ASSIGNMENT,
                    f"Callback to {locked.phone} given to an available agent",
                    data={"callback": locked.pk, "agent": agent_id},
                )
            return agent_id
    return None


def push_due_callbacks(limit: int = 100) -> int:
    """Push each due callback of a push queue that nobody holds; how many were pushed."""
    now = timezone.now()
    due = (
        Callback.objects.system_scope()  # scoping: ok (the system's own sweep)
        .filter(
            status=CallbackStatus.SCHEDULED,
            due_at__lte=now,
            queue__assignment_mode=AssignmentMode.PUSH,
        )
        .filter(Q(claimed_by__isnull=True) | Q(claimed_at__lt=now - CLAIM_EXPIRES))
        .select_related("queue")
        .order_by("due_at", "pk")[:limit]
    )
    return sum(push_callback(callback) is not None for callback in due)
