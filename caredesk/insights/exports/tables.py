"""Every signal table as CSV: the signals list and one signal's counts by period and lot."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from caredesk.insights.models import CandidateSignal
from caredesk.insights.services.series import Counts

SCORE_KEYS = ["N", "E", "PRR", "ROR", "ROR_LO", "ROR_HI", "IC", "EBGM", "EB05", "EB95"]
LIST_HEADER = [
    "id",
    "program",
    "source",
    "status",
    "product",
    "lot",
    "event",
    "first_alert_date",
    "method",
    "trend_reports",
    "agent_flags",
    *SCORE_KEYS,
    "cases",
    "closed_at",
    "closed_by",
    "reason",
]


def _safe(value: object) -> str:
    """A cell that a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def signals_csv(signals: Iterable[CandidateSignal]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LIST_HEADER)
    for s in signals:
        dispro = s.scores.get("disproportionality") or {}
        row = [
            s.pk,
            s.program.code,
            s.source,
            s.status,
            s.product_name,
            s.lot_number,
            s.event,
            s.first_alert_date.isoformat(),
            s.method,
            (s.scores.get("trend") or {}).get("reports", ""),
            (s.scores.get("agent") or {}).get("flags", ""),
            *(dispro.get(k, "") for k in SCORE_KEYS),
            " ".join(link.case.reference for link in s.links.select_related("case")),
            s.closed_at.isoformat() if s.closed_at else "",
            s.signature.printed_name if s.signature_id and s.signature else "",
            s.reason,
        ]
        writer.writerow([_safe(v) for v in row])
    return out.getvalue()


def counts_csv(counts: Counts) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["week_start" if counts.weekly else "day", "lot", "reporters", "alert"])
    for lot, values in counts.series.items():
        for label, value in zip(counts.labels, values, strict=True):
            alert = "yes" if label == counts.alert_label else ""
            writer.writerow([label, _safe(lot), value, alert])
    return out.getvalue()
