"""Cases' background jobs. Payloads carry ids only."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from caredesk.routing.services.sla_sweep import refresh_case_sla as refresh_case_sla_now


@db_task()
def refresh_case_sla(case_id: int) -> str | None:
    """Re-evaluate one case's SLA state now, e.g. after its first response or resolution.

    Enqueue it with `transaction.on_commit(lambda: refresh_case_sla(case.pk))` so the worker
    sees the committed change; otherwise the minute sweep catches up.
    """
    state = refresh_case_sla_now(case_id)
    return state.value if state is not None else None
