"""Email background jobs: deliver one queued reply, and sweep up what was left queued.

Payloads carry ids only; delivery claims the email by a conditional UPDATE, so a job that runs
twice, or a sweep racing a job, sends it once.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from caredesk.channels.email.services.delivery import deliver_now, sweep_outbound
from caredesk.channels.email.services.imap_polling import poll_mailbox


@db_task()
def deliver_email(email_id: int) -> str | None:
    """Hand one queued email to the relay; its sending state afterwards."""
    email = deliver_now(email_id)
    return email.send_status if email is not None else None


@db_periodic_task(crontab(minute="*"))
def sweep_emails() -> int:
    """Each minute: emails whose job was lost, whose retry is due or whose worker died."""
    return sweep_outbound()


@db_periodic_task(crontab(minute="*"))
def poll_imap() -> int:
    """Each minute, when CAREDESK_IMAP_HOST is set: take waiting mail into the inbox."""
    return poll_mailbox().stored
