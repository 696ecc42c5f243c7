"""Choosing the queue a new case lands in."""

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
