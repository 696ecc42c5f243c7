"""In-app notices (the bell) for safety oversight: hand-off warnings and escalations.

Shared by the hand-off warning sweep and the overdue-report escalation; the notice model is
the quality app's `Notification`, the one bell of the workspace.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from caredesk.tenancy.models import Membership


def member_ids(program_id: int, roles: Iterable[str]) -> set[int]:
    """Active members of the program holding any of `roles`."""
    rows = Membership.objects.filter(
        program_id=program_id, role__in=list(roles), active=True
    ).values_list("user_id", flat=True)
    return set(rows)


def notify_users(
    program_id: int, user_ids: Iterable[int], text: str, *, at: datetime, case_id: int | None
) -> int:
    """One in-app notice per user; returns how many were written."""
    from caredesk.quality.models import Notification

    notices = [
        Notification(
            program_id=program_id, user_id=uid, case_id=case_id, text=text[:500], created_at=at
        )
        for uid in sorted(set(user_ids))
    ]
    Notification.objects.bulk_create(notices)
    return len(notices)
