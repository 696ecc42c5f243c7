"""Routing's background jobs: the SLA sweep that runs every minute."""

from __future__ import annotations

from dataclasses import asdict

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from caredesk.routing.services.sla_sweep import sweep_sla


@db_periodic_task(crontab(minute="*"))
def sla_sweep_task() -> dict[str, int]:
    """Mark SLA warnings and breaches; safe to run twice or on two workers at once."""
    return asdict(sweep_sla())
