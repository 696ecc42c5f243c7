"""Reportability rules and regulatory clocks (issue 6): rules as data, one date-arithmetic module.

- rules.yaml: the rule table (jurisdiction x product type x conditions → report kind, clock,
  unit, calendar, citation, effective dates), validated by `rules.load_rules`.
- calendars: every clock's date arithmetic (Day 0 never counted; business days skip weekends
  and observed public holidays).
- engine.reports_for(situation): the reports a situation requires, with due dates.
- periodic: the periodic report schedules (US Rx, US animal drugs).
"""

from caredesk.safety.reportability.engine import Report, Situation, reports_for
from caredesk.safety.reportability.rules import RuleError, load_rules

__all__ = ["Report", "RuleError", "Situation", "load_rules", "reports_for"]
