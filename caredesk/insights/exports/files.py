"""Exports as the user asks for them: built from what the user may see, and audited (an export
of regulated data is itself an audit fact)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.insights.exports.article88 import article88_pdf
from caredesk.insights.exports.tables import counts_csv, signals_csv
from caredesk.insights.models import CandidateSignal
from caredesk.insights.services.plans import plan_for
from caredesk.insights.services.series import signal_counts


def export_signals_csv(user: Any, signals: QuerySet[CandidateSignal]) -> str:
    rows = list(signals.select_related("program", "signature"))
    text = signals_csv(rows)
    for program_id in sorted({s.program_id for s in rows}):
        record_event(
            AuditAction.EXPORT,
            acting_user=user,
            model="insights.candidatesignal",
            program_id=program_id,
            changes={"rows": sum(1 for s in rows if s.program_id == program_id)},
            reason="signals list CSV",
        )
    return text


def export_counts_csv(user: Any, signal: CandidateSignal) -> str:
    text = counts_csv(signal_counts(signal))
    record_event(AuditAction.EXPORT, acting_user=user, instance=signal, reason="signal counts CSV")
    return text


def export_article88_pdf(user: Any, signal: CandidateSignal) -> bytes:
    data = article88_pdf(signal, plan_for(signal.program), signal_counts(signal))
    record_event(
        AuditAction.EXPORT, acting_user=user, instance=signal, reason="Article 88 trend report"
    )
    return data
