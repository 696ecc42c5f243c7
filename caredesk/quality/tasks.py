"""Quality's background jobs. Payloads carry ids only."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from caredesk.quality.services.tampering import send_tampering_email_now


@db_task(retries=5, retry_delay=10)
def send_tampering_email(alert_id: int) -> bool:
    """Email a tampering alert to the program's quality and security contacts (once)."""
    return send_tampering_email_now(alert_id)
