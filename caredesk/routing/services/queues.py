"""Choosing the queue a new case lands in, and the program's safety priority queue.

A program marks one queue `is_safety_priority`: the priority queue of safety-trained
specialists where tampering and adverse-event cases go (the IVR's "report a side effect" and
the chat bot's safety hand-over use it too). It is configured, never created on the fly: a
program without one keeps such cases in their queue, where the safety-trained need still
decides who may take them.
"""

from __future__ import annotations

from caredesk.routing.models import Queue
from caredesk.tenancy.models import Program


def queue_for(program: Program, case_type: str) -> Queue | None:
    """The program's queue that lists this case type, else its default queue."""
    queues = list(Queue.objects.filter(program=program).order_by("id"))
    for queue in queues:
        if case_type in (queue.case_types or []):
            return queue
    return next((q for q in queues if q.is_default), None)


def safety_queue_for(program: Program | int) -> Queue | None:
    """The program's safety priority queue (the first one marked, if several are)."""
    program_id = program if isinstance(program, int) else program.pk
    return (
        Queue.objects.filter(program_id=program_id, is_safety_priority=True).order_by("id").first()
    )
