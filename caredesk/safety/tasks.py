"""Safety's background jobs. Payloads carry ids only."""

from __future__ import annotations

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from caredesk.cases.models import Interaction

logger = logging.getLogger(__name__)
BATCH = 500


def screen_unscreened_now(limit: int = BATCH) -> int:
    """Screen interactions saved without the service (bulk loads, imports). Idempotent."""
    from caredesk.safety.services.intake import screen_interaction

    pending = (
        Interaction.objects.system_scope().filter(screening__isnull=True).order_by("pk")[:limit]
    )
    done = 0
    for interaction in pending:
        if screen_interaction(interaction, acting_user=None) is not None:
            done += 1
    return done


@db_periodic_task(crontab(minute="*/5"))
def screen_unscreened() -> int:
    """The safety net behind "every interaction is screened": catch any that slipped past."""
    done = screen_unscreened_now()
    if done:
        logger.warning("screened %d interaction(s) that were saved unscreened", done)
    return done


@db_periodic_task(crontab(minute="*"))
def alert_overdue_hand_offs() -> int:
    """Each minute: safety cases past their hand-off deadline are escalated to supervisors."""
    from caredesk.safety.services.handoff import alert_overdue_hand_offs as alert_now

    return alert_now()


@db_periodic_task(crontab(minute="*"))
def warn_hand_offs() -> int:
    """Each minute: hand-off warnings at 50/80/100 % of the time allowed, once per threshold."""
    from caredesk.safety.services.handoff_warnings import sweep_handoff_warnings

    return sweep_handoff_warnings()


@db_periodic_task(crontab(minute="*/15"))
def escalate_overdue_reports() -> int:
    """Every 15 minutes: reports past their due date and not submitted go to the safety lead."""
    from caredesk.safety.services.escalation import escalate_overdue_reports as escalate_now

    return escalate_now()


@db_periodic_task(crontab(day_of_week="1", hour="6", minute="0"))
def draw_weekly_qa_sample() -> int:
    """Mondays: last week's dismissed flags and unflagged contacts go to a specialist's review."""
    from caredesk.safety.services.qa_sample import sample_previous_week

    return sample_previous_week()


def poll_gateway_now() -> int:
    """Process what the configured reporting gateway delivered; the number of files handled."""
    from caredesk.safety.gateway import get_gateway
    from caredesk.safety.gateway.receiving import receive

    gateway = get_gateway()
    return len(receive(gateway)) if gateway is not None else 0


@db_periodic_task(crontab(minute="*"))
def poll_gateway() -> int:
    """Each minute: partner ICSRs become safety cases and ACKs update their submissions."""
    return poll_gateway_now()
