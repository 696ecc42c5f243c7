"""Setting up a program's chat: the service account that records its messages and the origins of
the program's sites allowed to embed it (checked and audited)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.channels.webchat.models import ChatWidget
from caredesk.errors import CareDeskError, Forbidden, InvalidInput
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import check_can_write, roles_of

FIELDS = ["active", "allowed_origins", "received_by", "bot_name", "welcome_text"]


def clean_origin(raw: str) -> str:
    """ "https://www.example.com" exactly: scheme and host (and port), nothing else."""
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput("Invalid origin", {"allowed_origins": f"{raw!r} is not an origin"})
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise InvalidInput("Invalid origin", {"allowed_origins": f"{raw!r}: scheme://host only"})
    return f"{parts.scheme}://{parts.netloc.lower()}"


def set_up_widget(
    program: Program,
    *,
    received_by: Any,
    acting_user: Any,
    allowed_origins: list[str] | None = None,
    bot_name: str = "",
    welcome_text: str = "",
    active: bool = True,
) -> ChatWidget:
    """Create or change the program's chat (a program admin's job)."""
    check_can_write(acting_user, program.pk)
    if Role.PROGRAM_ADMIN not in roles_of(acting_user, program.pk):
        raise Forbidden("Only a program admin can set up the program's chat")
    try:
        check_can_write(received_by, program.pk)
    except CareDeskError:
        raise InvalidInput(
            "Invalid service account", {"received_by": "needs a writing role in the program"}
        ) from None
    origins = sorted({clean_origin(o) for o in allowed_origins or []})
    with transaction.atomic():
        widget = ChatWidget.objects.system_scope().filter(program=program).first()
        before = snapshot(widget, FIELDS) if widget else None
        widget = widget or ChatWidget(program=program)
        widget.received_by = received_by
        widget.allowed_origins = origins
        widget.active = active
        widget.bot_name = bot_name.strip()[:60] or widget.bot_name or "Virtual assistant"
        widget.welcome_text = welcome_text.strip()[:300] or widget.welcome_text
        widget.save()
        if before is None:
            record_created(widget, acting_user=acting_user, fields=FIELDS)
        else:
            changes = diff(before, snapshot(widget, FIELDS))
            record_event(
                AuditAction.UPDATE, acting_user=acting_user, instance=widget, changes=changes
            )
    return widget
