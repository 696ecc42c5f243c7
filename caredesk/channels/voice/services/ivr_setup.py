"""Setting up a program's IVR without code: the program admin (API) or an operator (the `ivr`
command) changes the script's fields; the whole script is validated as the calls will read it
(`IvrConfig.clean`: a menu the IVR could not read is refused) and the change is audited field
by field. Fields not named keep their value (the defaults until the first change)."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.channels.voice.models import IvrConfig
from caredesk.channels.voice.services.config import ivr_config
from caredesk.errors import Forbidden, InvalidInput
from caredesk.routing.models import Queue
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import roles_of

CLI_ACTOR = "cli:ivr"
TEXT_FIELDS = {
    "greeting": 1000,
    "consent_notice": 1000,
    "hours_text": 1000,
    "recall_next_steps": 1000,
    "not_recalled_text": 1000,
}
IVR_FIELDS = [
    *TEXT_FIELDS,
    "language",
    "voice",
    "menu",
    "recalled_lots",
    "general_queue_id",
    "average_handle_minutes",
    "offer_callback",
]
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")
_VOICE = re.compile(r"^[A-Za-z0-9._-]{1,40}$")


def check_can_configure_ivr(user: Any, program: Program) -> None:
    """Only the program's admins change its IVR (others of the program may read it)."""
    if Role.PROGRAM_ADMIN not in roles_of(user, program):
        raise Forbidden("Only the program's admins change its IVR")


def _field_problems(program: Program, changes: dict[str, Any]) -> dict[str, str]:
    errors = {name: "cannot be changed" for name in set(changes) - set(IVR_FIELDS)}
    for name, limit in TEXT_FIELDS.items():
        value = changes.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            errors[name] = f"text of at most {limit} characters"
    for name in ("greeting", "consent_notice"):
        if name in changes and not str(changes[name] or "").strip():
            errors[name] = "must be said to every caller"
    if "language" in changes and not _LANGUAGE.match(str(changes["language"])):
        errors["language"] = "a language tag such as en-US or es-US"
    if "voice" in changes and not _VOICE.match(str(changes["voice"])):
        errors["voice"] = "a provider voice name such as Polly.Joanna"
    minutes = changes.get("average_handle_minutes")
    if minutes is not None and (not isinstance(minutes, int) or not 1 <= minutes <= 120):
        errors["average_handle_minutes"] = "1 to 120 minutes"
    lots = changes.get("recalled_lots")
    if lots is not None and (
        not isinstance(lots, list) or len(lots) > 500 or not all(isinstance(x, str) for x in lots)
    ):
        errors["recalled_lots"] = "a list of at most 500 lot numbers"
    queue = changes.get("general_queue_id")
    if queue is not None and not Queue.objects.filter(pk=queue, program=program).exists():
        errors["general_queue_id"] = "a queue of this program"
    return errors


def update_ivr(
    program: Program, changes: dict[str, Any], *, acting_user: Any, reason: str = ""
) -> IvrConfig:
    """Apply `changes` to the program's IVR script (created on the first change)."""
    errors = _field_problems(program, changes)
    if errors:
        raise InvalidInput("Invalid IVR", errors)
    with transaction.atomic():
        config = ivr_config(program)
        created = config.pk is None
        before = {name: getattr(config, name) for name in IVR_FIELDS}
        for name, value in changes.items():
            setattr(config, name, value)
        try:
            config.clean()
        except ValidationError as exc:
            raise InvalidInput(
                "Invalid IVR", {k: "; ".join(v) for k, v in exc.message_dict.items()}
            ) from None
        config.save()
        delta = {
            name: [None if created else before[name], getattr(config, name)]
            for name in IVR_FIELDS
            if created or before[name] != getattr(config, name)
        }
        record_event(
            AuditAction.CREATE if created else AuditAction.UPDATE,
            acting_user=acting_user,
            system_actor=CLI_ACTOR,
            instance=config,
            changes=delta,
            reason=reason or "IVR script changed",
        )
    return config
