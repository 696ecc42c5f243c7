"""Quality's background jobs. Payloads carry ids only."""

from __future__ import annotations

import logging

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from caredesk.quality.services.alert_email import send_tampering_email_now, unsent_alert_ids

logger = logging.getLogger(__name__)


@db_task(retries=5, retry_delay=10)
def send_tampering_email(alert_id: int) -> bool:
    """Email a tampering alert to the program's quality and security contacts (once)."""
    return send_tampering_email_now(alert_id)


@db_periodic_task(crontab(minute="*"))
def resend_unsent_tampering_emails() -> int:
    """Each minute: any alert whose email the queue lost or the server refused is tried again."""
    sent = 0
    for alert_id in unsent_alert_ids():
        try:
            sent += send_tampering_email_now(alert_id)
        except Exception:
            logger.exception("tampering alert %s: email refused, will retry", alert_id)
    return sent
