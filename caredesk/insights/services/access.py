"""Who may see and review signals, and the one way to fetch a signal for a user.

Safety and quality specialists review; supervisors and program admins see them; auditors read.
Care specialists do not see the Signals page, but they can flag a case (`candidates`).
A signal of a program the user is not in answers 404, as every scoped record does.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from caredesk.errors import Forbidden, NotFound
from caredesk.insights.models import CandidateSignal
from caredesk.tenancy.models import Membership, Role
from caredesk.tenancy.services import check_can_write, roles_of

VIEW_ROLES = frozenset(
    {
        Role.SAFETY_SPECIALIST,
        Role.QUALITY_SPECIALIST,
        Role.SUPERVISOR,
        Role.PROGRAM_ADMIN,
        Role.AUDITOR,
    }
)
REVIEW_ROLES = frozenset({Role.SAFETY_SPECIALIST, Role.QUALITY_SPECIALIST})


def viewer_program_ids(user: Any) -> QuerySet[Any]:
    """Programs in which the user holds a role that may see signals (a subquery)."""
    return Membership.objects.filter(
        user_id=getattr(user, "pk", None) or 0, active=True, role__in=list(VIEW_ROLES)
    ).values("program_id")


def signals_for(user: Any) -> QuerySet[CandidateSignal]:
    """The signals the user may see: their programs, where their role allows."""
    return CandidateSignal.objects.visible_to(user).filter(program_id__in=viewer_program_ids(user))


def can_view(user: Any, program_id: int) -> bool:
    return bool(roles_of(user, program_id) & VIEW_ROLES)


def can_review(user: Any, program_id: int) -> bool:
    return bool(roles_of(user, program_id) & REVIEW_ROLES)


def access_signal(user: Any, signal_id: int) -> CandidateSignal:
    """The signal, or NotFound (another program) / Forbidden (a role that may not see it)."""
    found = (
        CandidateSignal.objects.visible_to(user)
        .select_related("program", "product", "lot", "closed_by", "signature")
        .filter(pk=signal_id)
        .first()
    )
    if found is None:
        raise NotFound("Signal not found")
    if not can_view(user, found.program_id):
        raise Forbidden("Your role in this program does not include signal review")
    return found


def require_reviewer(user: Any, program_id: int) -> None:
    """A safety or quality specialist of the program (auditors and others: 403)."""
    check_can_write(user, program_id)
    if not can_review(user, program_id):
        raise Forbidden("Only the program's safety or quality specialists review signals")
