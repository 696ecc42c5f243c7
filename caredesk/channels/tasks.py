"""Channels' background jobs: process each inbox row, and sweep up what was left pending.

Payloads carry ids only. Processing is idempotent (a claim by conditional UPDATE, then one
transaction that checks the claim), so a job that runs twice, or a sweep racing a job, writes
one interaction.
"""

from __future__ import annotations

from django.db import close_old_connections
from huey import crontab
from huey.contrib.djhuey import HUEY, db_periodic_task, db_task

from caredesk.channels.services.processing import process_inbound_now, sweep_inbox


@db_task()
def process_inbound(inbound_id: int) -> int | None:
    """Turn one stored inbound message into a screened interaction; the interaction's id."""
    interaction = process_inbound_now(inbound_id)
    return interaction.pk if interaction is not None else None


@db_task()
def process_inbound_batch(inbound_ids: list[int]) -> int:
    """Process a batch of rows, each claimed on its own (see `caredesk.channels.wakeup`)."""
    return sum(process_inbound_now(pk) is not None for pk in inbound_ids)


@db_periodic_task(crontab(minute="*"))
def sweep_inbound() -> int:
    """Each minute: rows whose job was lost, whose retry is due or whose worker died."""
    return sweep_inbox()


@HUEY.on_startup("sweep_inbound_on_start")
def sweep_inbound_on_start() -> None:
    """A (re)started worker takes up at once what a dead one left, not at the next minute."""
    if HUEY.immediate:
        return
    try:
        sweep_inbox()
    finally:
        close_old_connections()
