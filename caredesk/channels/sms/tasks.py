"""SMS background jobs: deliver one outbound message, and sweep up what was left queued.

Payloads carry ids only; delivery claims the message by a conditional UPDATE, so a job that runs
twice, or a sweep racing a job, sends it once.
"""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from caredesk.channels.sms.services.media import fetch_media_now, sweep_media
from caredesk.channels.sms.services.sending import deliver_now, sweep_outbound
from caredesk.channels.sms.services.whatsapp_sync import sync_all_programs


@db_task()
def deliver_sms(sms_id: int) -> str | None:
    """Hand one queued message to its provider; its status afterwards."""
    sms = deliver_now(sms_id)
    return sms.status if sms is not None else None


@db_task()
def fetch_sms_media(sms_id: int) -> int:
    """Fetch an inbound message's media and store it on its case; how many items settled."""
    return fetch_media_now(sms_id)


@db_periodic_task(crontab(minute="*"))
def sweep_sms() -> int:
    """Each minute: messages (and inbound media) whose job was lost, whose retry is due or
    whose worker died."""
    return sweep_outbound() + sweep_media()


@db_periodic_task(crontab(hour="*/6", minute="17"))
def sync_whatsapp_templates() -> int:
    """Every six hours: WhatsApp template approvals as the provider reports them."""
    return sync_all_programs()
