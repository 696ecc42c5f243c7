"""Voice background jobs: due callbacks of push queues go to an available agent each minute."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from caredesk.channels.voice.services.callback_push import push_due_callbacks


@db_periodic_task(crontab(minute="*"))
def push_callbacks() -> int:
    """Each minute: push due, unheld callbacks of push queues to available agents."""
    return push_due_callbacks()
