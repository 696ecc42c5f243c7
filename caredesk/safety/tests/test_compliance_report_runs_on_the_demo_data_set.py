"""The compliance report and the due calendar run on the demo data set: every required report
of the demo's months is counted once, in its regime and month, and every late one has a cause.
(The demo loader decides how many cases, submissions and late ones there are; at 15,000
cases its history shows every cause: measured once, not asserted here, to keep the suite fast.)"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caredesk.demo.loader import DemoOptions, load_demo
from caredesk.safety.models import SafetyReportDue
from caredesk.safety.services.compliance import compliance_csv, compliance_rows, month_key
from caredesk.tenancy.models import Program

pytestmark = pytest.mark.django_db
AS_OF = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def test_every_demo_report_is_counted_once_and_each_late_one_has_a_cause(db):
    load_demo(DemoOptions(seed=7, persons=400, cases=2000, as_of=AS_OF))
    programs = list(Program.objects.system_scope())
    reports = SafetyReportDue.objects.system_scope()
    months = sorted({month_key(r.due) for r in reports} | {month_key(AS_OF.date())})
    assert reports.exists(), "the demo's month of regulatory history owes reports"
    rows = compliance_rows(programs, months, now=AS_OF)
    assert sum(row.due for row in rows) == reports.count()
    for row in rows:
        assert row.on_time + row.late + row.overdue + row.pending == row.due
        assert len(row.late_reports) == row.late + row.overdue
        assert all(late.causes for late in row.late_reports)
    assert compliance_csv(rows).startswith("month,jurisdiction,report_kind")
