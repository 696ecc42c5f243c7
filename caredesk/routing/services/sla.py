"""SLA clocks: when a case's first response and resolution are due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from caredesk.routing.models import SlaPolicy
from caredesk.tenancy.models import Program


@dataclass(frozen=True)
class SlaDue:
    first_response_due: datetime | None
    resolution_due: datetime | None


def policy_for(program: Program, case_type: str) -> SlaPolicy | None:
    return SlaPolicy.objects.filter(program=program, case_type=case_type).first()


def compute_due(program: Program, case_type: str, start: datetime) -> SlaDue:
    """Due times from the program's policy for the case type; none when no policy applies."""
    policy = policy_for(program, case_type)
    if policy is None:
        return SlaDue(None, None)
    return SlaDue(
        start + timedelta(minutes=policy.first_response_minutes),
        start + timedelta(minutes=policy.resolution_minutes),
    )
