"""A program's confirmed complaints and adverse events as trend-engine rows.

One row per report x event: the received date (in the program's time zone), the product, the
lot number (empty when unknown), the event (a complaint's category code, or a confirmed safety
case's coded reaction at PT level, as `program_reports` yields it) and the reporter (the
complainant or the safety case's reporter, else the case's person, else the report itself, so
a report without a known person still counts as one reporter). The case id rides along so a
candidate can link the cases behind it.

System code: one program's periodic run or one signal's chart, never a user's listing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from caredesk.insights.signals.program_reports import confirmed_cases, program_reports
from caredesk.quality.models import Complaint
from caredesk.tenancy.models import Program


@dataclass(frozen=True)
class Report:
    day: dt.date
    product: str
    lot: str
    event: str
    reporter: str
    case_id: int


def _local(when: dt.datetime, zone: ZoneInfo) -> dt.date:
    return when.astimezone(zone).date()


def complaint_reports(program: Program, since: dt.date, zone: ZoneInfo) -> list[Report]:
    # scoping: ok (system code: one program's signal run)
    rows = Complaint.objects.system_scope().filter(
        program_id=program.pk, product__isnull=False, received_at__date__gte=since
    )
    out = []
    for pk, received, product, lot, categories, who, person, case_id in rows.values_list(
        "pk",
        "received_at",
        "product__name",
        "lot__number",
        "categories",
        "complainant_id",
        "case__person_id",
        "case_id",
    ):
        reporter = f"p{who or person}" if (who or person) else f"complaint{pk}"
        for code in categories or ["other"]:
            day = _local(received, zone)
            out.append(Report(day, product, lot or "", str(code), reporter, case_id))
    return out


def safety_reports(program: Program, since: dt.date, zone: ZoneInfo) -> list[Report]:
    facts = {
        pk: (received, lot, reporter, person, case_id)
        for pk, received, lot, reporter, person, case_id in confirmed_cases(program)
        .filter(first_received_at__date__gte=since)
        .values_list(
            "pk", "first_received_at", "lot__number", "reporter_id", "case__person_id", "case_id"
        )
    }
    out = []
    for report_id, product, event in program_reports(program):
        fact = facts.get(int(report_id))
        if fact is None:
            continue
        received, lot, reporter, person, case_id = fact
        who = f"p{reporter or person}" if (reporter or person) else f"safety{report_id}"
        out.append(Report(_local(received, zone), product, lot or "", event, who, case_id))
    return out


def program_event_reports(program: Program, since: dt.date) -> list[Report]:
    """Every complaint and confirmed adverse-event row received on or after `since`."""
    zone = ZoneInfo(program.time_zone)
    rows = complaint_reports(program, since, zone) + safety_reports(program, since, zone)
    return sorted(rows, key=lambda r: (r.day, r.case_id))


def by_day(reports: Iterable[Report], until: dt.date) -> list[tuple[dt.date, list[Report]]]:
    """Reports grouped by received day, in day order, none after `until` (never look ahead)."""
    days: dict[dt.date, list[Report]] = defaultdict(list)
    for report in reports:
        if report.day <= until:
            days[report.day].append(report)
    return sorted(days.items())
