"""The in-app notices of one user (tampering alerts, overdue safety hand-offs).

A notice is addressed to one user in one program: it is read through the program scope *and*
its addressee, so nobody reads or marks another person's notices.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from caredesk.errors import NotFound
from caredesk.quality.models import Notification
from caredesk.tenancy.services import check_can_write


def notifications_for(user: Any, *, unread_only: bool = False) -> QuerySet[Notification]:
    """The user's own notices in their programs, newest first."""
    found = Notification.objects.visible_to(user).filter(user_id=user.pk)
    if unread_only:
        found = found.filter(read_at__isnull=True)
    return found.select_related("case").order_by("-created_at", "-pk")


def access_notification(user: Any, notification_id: int) -> Notification:
    return Notification.objects.visible_one(user, notification_id, "Notification")


def mark_read(notification: Notification, *, acting_user: Any) -> Notification:
    """Mark a notice read (idempotent). Reading is personal state, not a record change: it is
    not audited, and another user's notice answers not-found."""
    check_can_write(acting_user, notification.program_id)
    if notification.user_id != acting_user.pk:
        raise NotFound("Notification not found")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification
