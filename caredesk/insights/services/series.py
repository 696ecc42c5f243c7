"""The counts behind a signal's chart and its counts CSV: distinct reporters per week (or day)
of the signal's product x event, one series per lot, from the first report in the twelve weeks
before the alert up to today (or four weeks after the alert, whichever is later).

A signal whose event no report carries (an agent's own words) is drawn from its linked cases,
by the day each case was opened and the case's lot.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from caredesk.insights.models import CandidateSignal
from caredesk.insights.services.reports import Report, program_event_reports

BEFORE_DAYS = 84
AFTER_DAYS = 28
NO_LOT = "(no lot)"


@dataclass
class Counts:
    labels: list[str]  # period starts, YYYY-MM-DD
    series: dict[str, list[int]]  # lot (or NO_LOT) -> distinct reporters per period
    alert_label: str  # the period holding the first alert date
    weekly: bool


def _period(day: dt.date, weekly: bool) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if weekly else day


def _linked_case_reports(signal: CandidateSignal) -> list[Report]:
    out = []
    for link in signal.links.select_related("case__lot", "case"):
        case = link.case
        out.append(
            Report(
                timezone.localdate(case.opened_at),
                signal.product_name,
                case.lot.number if case.lot is not None else "",
                signal.event,
                f"case{case.pk}",
                case.pk,
            )
        )
    return out


def signal_counts(signal: CandidateSignal, *, weekly: bool = True) -> Counts:
    alert = signal.first_alert_date
    start = alert - dt.timedelta(days=BEFORE_DAYS)
    stop = max(timezone.localdate(), alert + dt.timedelta(days=AFTER_DAYS))
    reports = [
        r
        for r in program_event_reports(signal.program, start)
        if r.product == signal.product_name and r.event == signal.event and r.day <= stop
    ]
    if not reports:
        reports = _linked_case_reports(signal)
    seen: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, dict[dt.date, int]] = defaultdict(lambda: defaultdict(int))
    for r in reports:
        lot = r.lot or NO_LOT
        if r.reporter in seen[lot]:  # one reporter counts once per lot series
            continue
        seen[lot].add(r.reporter)
        counts[lot][_period(r.day, weekly)] += 1
    first = min([_period(start, weekly), *(r.day for r in reports)])
    periods = []
    day, step = _period(first, weekly), dt.timedelta(days=7 if weekly else 1)
    while day <= stop:
        periods.append(day)
        day += step
    series = {lot: [by[p] for p in periods] for lot, by in sorted(counts.items())}
    return Counts(
        [p.isoformat() for p in periods], series, _period(alert, weekly).isoformat(), weekly
    )
