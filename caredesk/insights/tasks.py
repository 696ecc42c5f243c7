"""Insights' background jobs: the daily signal run of each program, and the email of a
validated signal. Payloads carry ids only; each job can run twice without harm."""

from __future__ import annotations

import logging

from django.core.mail import send_mail
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from caredesk.tenancy.models import Program

logger = logging.getLogger(__name__)


@db_task(retries=2, retry_delay=60)
def detect_signals_for_program(program_id: int) -> int:
    """One program's trend and disproportionality run; the number of candidates changed."""
    from caredesk.insights.services.detection import detect_program_signals

    # scoping: ok (system job: one program's signal run)
    program = Program.objects.system_scope().filter(pk=program_id).first()
    if program is None:
        return 0
    summary = detect_program_signals(program)
    if summary.changed:
        logger.info(
            "program %s: %d candidate signal(s) new or updated", program_id, summary.changed
        )
    return summary.changed


@db_periodic_task(crontab(hour="4", minute="30"))
def detect_signals_daily() -> int:
    """Daily: enqueue each program's signal run (one job per program, so one slow or failing
    program does not hold up the others)."""
    # scoping: ok (system job over every program)
    ids = list(Program.objects.system_scope().order_by("pk").values_list("pk", flat=True))
    for program_id in ids:
        detect_signals_for_program(program_id)
    return len(ids)


@db_task(retries=5, retry_delay=30)
def email_validated_signal(signal_id: int) -> int:
    """Email the program's safety and quality people that a signal was validated."""
    from caredesk.insights.models import CandidateSignal
    from caredesk.insights.services.workflow import recipients

    # scoping: ok (system job: the signal that was just validated)
    signal = CandidateSignal.objects.system_scope().select_related("program").get(pk=signal_id)
    _users, emails = recipients(signal.program_id)
    if not emails:
        return 0
    subject = f"[CareDesk] Validated signal: {signal}"
    body = (
        f"A candidate signal was validated in {signal.program.name}.\n\n"
        f"Series: {signal}\nFirst alert: {signal.first_alert_date}\n"
        f"Reason: {signal.reason}\nSignal page: /insights/signals/{signal.pk}/\n"
    )
    send_mail(subject, body, None, emails)
    return len(emails)
