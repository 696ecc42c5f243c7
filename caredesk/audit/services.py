"""Writing audit events. Called by the service that makes the change, in its transaction."""

from __future__ import annotations

import json
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from caredesk.audit.chain import GENESIS_HASH, canonical_payload, event_hash
from caredesk.audit.context import current_request_id
from caredesk.audit.models import AuditAction, AuditEvent

_PG_LOCK_KEY = 0x43415245  # "CARE": serialises appends so the chain has one order.


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_PG_LOCK_KEY])


def record_event(
    action: AuditAction,
    *,
    acting_user: Any,
    instance: models.Model | None = None,
    model: str = "",
    object_id: str | int = "",
    program_id: int | None = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    actor_username: str = "",
    system_actor: str = "",
) -> AuditEvent:
    """Append one event to the chain. `instance` fills model, id and program when given.

    `system_actor` names the actor ("system:sla-sweep") when no user acted: services that run
    both for a person and from a job pass the user they have and their system name."""
    if instance is not None:
        model = model or instance._meta.label_lower
        object_id = object_id or str(instance.pk)
        if program_id is None:
            program_id = program_of(instance)
    user_id = getattr(acting_user, "pk", None) if acting_user is not None else None
    username = actor_username or (getattr(acting_user, "username", "") if user_id else system_actor)
    # No savepoint of its own (savepoint=False): callers append inside their own transaction,
    # and a failed append fails their whole change anyway; a savepoint would only add two round
    # trips to every audited write.
    with transaction.atomic(savepoint=False):
        _lock_chain()
        # The chain head as a plain (seq, hash) row: one query, no model instance.
        last = AuditEvent.objects.order_by("-seq").values_list("seq", "hash").first()
        fields: dict[str, Any] = {
            "seq": (last[0] + 1) if last else 1,
            "at": timezone.now(),
            "actor_id": user_id,
            "actor_username": username,
            "action": str(action),
            "model": model,
            "object_id": str(object_id),
            "program_id": program_id,
            "changes": _jsonable(changes or {}),
            "reason": reason,
            "request_id": current_request_id(),
            "prev_hash": last[1] if last else GENESIS_HASH,
        }
        digest = event_hash(canonical_payload(**fields))
        return AuditEvent.objects.create(hash=digest, **fields)


def program_of(instance: models.Model) -> int | None:
    """The program id a record belongs to, following its model's `scope_path`."""
    path = getattr(type(instance), "scope_path", None)
    if path is None:
        return getattr(instance, "program_id", None)
    target: Any = instance
    parts = path.split("__")
    for part in parts[:-1]:
        target = getattr(target, part, None)
        if target is None:
            return None
    last = parts[-1]
    if last == "id":
        return getattr(target, "pk", None)
    return getattr(target, f"{last}_id", None)


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """Field values of a record before a change, for `diff`."""
    out: dict[str, Any] = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attname = getattr(field, "attname", name)
        out[name] = getattr(instance, attname)
    return out


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Field-level old → new, only for fields that changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def record_created(instance: models.Model, *, acting_user: Any, fields: list[str]) -> AuditEvent:
    values = snapshot(instance, fields)
    return record_event(
        AuditAction.CREATE,
        acting_user=acting_user,
        instance=instance,
        changes={k: [None, v] for k, v in values.items()},
    )
