"""One program's signal run: the trend engine over its confirmed complaints and adverse events,
and disproportionality over its confirmed safety cases, turned into candidate signals.

Called by the daily periodic job (`tasks`) and by tests. The engine sees only reports received
up to the run day, over the plan's observation period. The run is idempotent: an alert or score
that an open candidate already holds writes nothing (`candidates.upsert_candidate`), and one
that a closed candidate was reviewed on does not reopen it (`candidates.reviewed_already`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from caredesk.insights.models import SignalPlan, SignalSource
from caredesk.insights.services.candidates import Finding, reviewed_already, upsert_candidate
from caredesk.insights.services.plans import plan_for
from caredesk.insights.services.reports import Report, by_day, program_event_reports
from caredesk.insights.signals.disproportionality import count_pairs, score
from caredesk.insights.signals.program_reports import program_reports
from caredesk.insights.signals.reports_csv import rows_to_reports
from caredesk.insights.signals.trend import detect
from caredesk.insights.signals.trend_params import Alert, TrendParams
from caredesk.tenancy.models import Program

LINK_DAYS = 28  # the cases linked to a trend alert: its series over the longest window


@dataclass
class RunSummary:
    program_id: int
    trend_alerts: int = 0
    pairs_over_threshold: int = 0
    changed: int = 0


def trend_findings(program: Program, plan: SignalPlan, today: dt.date) -> list[Finding]:
    since = today - dt.timedelta(days=plan.observation_days)
    reports = program_event_reports(program, since)
    days = [
        (day, [(r.product, r.lot, r.event, r.reporter) for r in rows])
        for day, rows in by_day(reports, today)
    ]
    params = TrendParams(min_reporters=plan.min_reporters, min_ratio=plan.min_ratio)
    return [_trend_finding(alert, reports) for alert in detect(days, params)]


def _trend_finding(alert: Alert, reports: list[Report]) -> Finding:
    start = alert.first_alert_date - dt.timedelta(days=LINK_DAYS - 1)
    cases = [
        r.case_id
        for r in reports
        if r.product == alert.product
        and r.event == alert.event
        and (not alert.lot or r.lot == alert.lot)
        and start <= r.day <= alert.first_alert_date
    ]
    return Finding(
        source=SignalSource.TREND,
        product_name=alert.product,
        lot_number=alert.lot,
        event=alert.event,
        first_alert_date=alert.first_alert_date,
        method=alert.method,
        scores={"reports": alert.reports, "method": alert.method, "window_days": LINK_DAYS},
        case_ids=cases,
    )


def _number(value: float) -> float | str | None:
    if math.isnan(value):
        return None
    if math.isinf(value):
        return "inf"
    return round(float(value), 4)


def disproportionality_findings(
    program: Program, plan: SignalPlan, today: dt.date
) -> list[Finding]:
    rows = list(program_reports(program))
    if not rows:
        return []
    reports = rows_to_reports(rows)
    counts = count_pairs(reports)
    scores = score(counts)
    cases = _safety_case_cases(rows)
    found = []
    for i in range(len(counts.n)):
        g = int(scores.group[i])
        post = scores.posterior
        values = {
            "N": int(scores.n[g]),
            "E": _number(scores.e[g]),
            "PRR": _number(scores.prr[g]),
            "ROR": _number(scores.ror[g]),
            "ROR_LO": _number(scores.ror_lo[g]),
            "ROR_HI": _number(scores.ror_hi[g]),
            "IC": _number(scores.ic[g]),
            "EBGM": _number(post.ebgm[g]),
            "EB05": _number(post.eb05[g]),
            "EB95": _number(post.eb95[g]),
        }
        if not _over(values, plan):
            continue
        product, event = reports.products[counts.product[i]], reports.events[counts.event[i]]
        found.append(
            Finding(
                source=SignalSource.DISPROPORTIONALITY,
                product_name=product,
                lot_number="",
                event=event,
                first_alert_date=today,
                method="eb05" if _at_least(values["EB05"], plan.eb05_threshold) else "prr",
                scores=values,
                case_ids=cases.get((product, event), []),
            )
        )
    return found


def _at_least(value: Any, threshold: float) -> bool:
    return value == "inf" or (isinstance(value, float | int) and value >= threshold)


def _over(values: dict[str, Any], plan: SignalPlan) -> bool:
    """Enough reports, and EB05 at the plan's threshold or PRR at its own with ROR's lower
    bound above 1 (Evans' criteria with the interval in place of chi-square)."""
    if values["N"] < plan.min_reporters:
        return False
    if _at_least(values["EB05"], plan.eb05_threshold):
        return True
    return _at_least(values["PRR"], plan.prr_threshold) and _at_least(values["ROR_LO"], 1.0001)


def _safety_case_cases(rows: list[tuple[str, str, str]]) -> dict[tuple[str, str], list[int]]:
    from caredesk.safety.models import SafetyCase

    ids = {int(report) for report, _, _ in rows}
    # scoping: ok (the program's own confirmed cases, from program_reports)
    case_of = dict(SafetyCase.objects.system_scope().filter(pk__in=ids).values_list("pk", "case"))
    out: dict[tuple[str, str], list[int]] = {}
    for report, product, event in rows:
        out.setdefault((product, event), []).append(case_of[int(report)])
    return out


def detect_program_signals(program: Program, today: dt.date | None = None) -> RunSummary:
    """Run both methods for one program and record what they found."""
    today = today or timezone.localdate()
    plan = plan_for(program)
    summary = RunSummary(program.pk)
    trend = trend_findings(program, plan, today)
    dispro = disproportionality_findings(program, plan, today)
    summary.trend_alerts, summary.pairs_over_threshold = len(trend), len(dispro)
    for found in [*trend, *dispro]:
        if reviewed_already(program.pk, found):
            continue
        _signal, changed = upsert_candidate(program, found)
        summary.changed += int(changed)
    return summary
