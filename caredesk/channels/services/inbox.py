"""Storing inbound messages in the inbox: validated, durable, once per provider message id.

`store_inbound` is the first thing every channel adapter calls. It writes one row in a short
transaction and enqueues processing after commit, so that a caller (a webhook, the REST route)
is answered as soon as the message is safe, and a crash of anything after that loses nothing:
the row stays pending until a worker has turned it into a screened interaction.
"""

from __future__ import annotations

import functools
import hashlib
import mimetypes
import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, NamedTuple, cast

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Field
from django.utils import timezone

from caredesk.api_support.sqlite_writes import serialized_write
from caredesk.cases.services.interactions import AttachmentInput, attachment_problem
from caredesk.channels.message import InboundMessageData
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.db_rows import run_statement
from caredesk.errors import Forbidden, InvalidInput, NotFound
from caredesk.people.models import Channel
from caredesk.people.services.contact_points import normalize_email, normalize_phone
from caredesk.tenancy.models import READ_ONLY_ROLES, Membership, Program

PROVIDER = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")
REFERENCE = re.compile(r"^CD-[0-9A-Z]{7}$")


def _sender_errors(country: str, data: InboundMessageData) -> dict[str, str]:
    """Normalises the sender fields in place; returns what is wrong with them."""
    errors: dict[str, str] = {}
    if data.from_phone:
        try:
            data.from_phone = normalize_phone(data.from_phone, country)
        except InvalidInput as exc:
            errors["from_phone"] = exc.fields.get("value", exc.message)
    if data.from_address:
        try:
            data.from_address = normalize_email(data.from_address)
        except InvalidInput as exc:
            errors["from_address"] = exc.fields.get("value", exc.message)
    data.reference = data.reference.strip().upper()
    if data.reference and not REFERENCE.match(data.reference):
        errors["reference"] = "a case reference looks like CD-7K2M9QX"
    if not (data.from_phone or data.from_address or data.session_id.strip() or data.reference):
        errors["from_phone"] = "say who sent it: a phone, an email, a session or a case reference"
    return errors


_CHANNELS = frozenset(Channel.values)


def _validate(country: str, data: InboundMessageData) -> None:
    errors: dict[str, str] = {}
    if data.channel not in _CHANNELS:
        errors["channel"] = f"{data.channel!r} is not one of {', '.join(Channel.values)}"
    if not PROVIDER.match(data.provider):
        errors["provider"] = "1-40 lower-case letters, digits, '.', '_' or '-'"
    if not data.provider_message_id.strip() or len(data.provider_message_id) > 200:
        errors["provider_message_id"] = "1-200 characters"
    errors |= _sender_errors(country, data)
    if not (data.body.strip() or data.body_html.strip() or data.attachments):
        errors["body"] = "a message needs text or an attachment"
    if data.received_at and data.received_at > timezone.now() + timedelta(minutes=5):
        errors["received_at"] = "cannot be in the future"
    for index, item in enumerate(data.attachments):
        problem = attachment_problem(item)
        if problem:
            errors[f"attachments.{index}"] = f"{item.filename}: {problem}"
    if errors:
        raise InvalidInput("Invalid inbound message", errors)


def _stored_attachment(program_id: int, item: AttachmentInput) -> dict[str, Any]:
    """Store the bytes under their hash (a redelivery stores nothing new); return the reference."""
    digest = hashlib.sha256(item.content).hexdigest()
    path = f"inbox/{program_id}/{digest[:2]}/{digest}"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(item.content))
    content_type = item.content_type or mimetypes.guess_type(item.filename)[0] or ""
    return {
        "filename": item.filename,
        "content_type": content_type,
        "size": len(item.content),
        "sha256": digest,
        "path": path,
    }


# Set by the inbound route's authenticator (`channels.caller`) on the user object of one
# request: {program_id: [(role, program country), ...]}, read with the token in one statement.
ROLES_ATTRIBUTE = "_inbound_roles"


def program_country_if_writable(user: Any, program_id: int) -> str:
    """The program's country, if the user holds a writing role in it (one small query, none
    when the authenticator read the roles already).

    NotFound for a program the user has no role in (as for one that does not exist), Forbidden
    for a read-only role: the answers of `tenancy.services.check_can_write`."""
    known = getattr(user, ROLES_ATTRIBUTE, {})
    roles = known[program_id] if program_id in known else _writable_roles(user.pk, program_id)
    if not roles:
        raise NotFound("Program not found")
    if {role for role, _ in roles} <= set(READ_ONLY_ROLES):
        raise Forbidden("Your role in this program is read-only")
    return str(roles[0][1])


def _writable_roles(user_id: int, program_id: int) -> list[tuple[str, str]]:
    """(role, program country) of the user's active memberships in the program.

    Plain SQL: every inbound message asks, and the ORM's compiler cost ten times the query."""
    membership = connection.ops.quote_name(Membership._meta.db_table)
    program = connection.ops.quote_name(Program._meta.db_table)
    sql = (
        f"SELECT m.role, p.country FROM {membership} m "  # noqa: S608
        f"JOIN {program} p ON p.id = m.program_id "
        "WHERE m.user_id = %s AND m.program_id = %s AND m.active = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, program_id, True])
        return [(str(role), str(country)) for role, country in cursor.fetchall()]


_KEY = ("program_id", "channel", "provider", "provider_message_id")
_TEXT_TYPES = frozenset({"CharField", "TextField"})
_INTEGER_TYPES = frozenset({"IntegerField", "PositiveIntegerField", "BigIntegerField", "AutoField"})
_INTEGER_TYPES |= {"BigAutoField", "SmallIntegerField", "PositiveSmallIntegerField"}


def _passes_as_is(field: Field[Any, Any]) -> Callable[[Any], bool]:
    """Which values of this column reach the driver unchanged: a str for text (its
    `get_db_prep_save` is the identity), an int for integers and keys to integer ids."""
    kind = (cast(Any, field).target_field if field.is_relation else field).get_internal_type()
    if kind in _TEXT_TYPES:
        return lambda value: isinstance(value, str)
    if kind in _INTEGER_TYPES:
        return lambda value: type(value) is int
    return lambda _value: False


_Column = tuple["Field[Any, Any]", Callable[[Any], bool]]


@functools.cache
def _insert_statement(vendor: str, names: tuple[str, ...]) -> tuple[str, list[_Column]]:
    """The INSERT for these columns, written once per process and database kind."""
    meta = InboundMessage._meta
    fields = [cast("Field[Any, Any]", meta.get_field(name)) for name in names]
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    keys = [cast("Field[Any, Any]", meta.get_field(name)) for name in _KEY]
    target = ", ".join(connection.ops.quote_name(str(f.column)) for f in keys)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(meta.db_table)
    # Identifiers come from the model's own metadata; every value is a parameter.
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({target}) DO NOTHING RETURNING id"
    )
    return sql, [(field, _passes_as_is(field)) for field in fields]


def _insert_once(values: dict[str, Any]) -> int | None:
    """INSERT … ON CONFLICT DO NOTHING RETURNING id: the new row's id, or None for a redelivery.

    Written out rather than through `objects.create`: this is the one statement every inbound
    message pays for, and the ORM's compiler cost more than the database (bench/README.md).
    Values go through each field's own `get_db_prep_save`, so types are adapted as the ORM
    would (text and integers pass as they are, which is what that preparation does for them).
    Both SQLite (>= 3.35) and PostgreSQL support the statement; the unique constraint
    `uniq_inbound_provider_message` is the conflict target."""
    sql, columns = _insert_statement(connection.vendor, tuple(values))
    params = [
        value if as_is(value) else field.get_db_prep_save(value, connection)
        for (field, as_is), value in zip(columns, values.values(), strict=True)
    ]
    with serialized_write():
        found = run_statement(connection.alias, sql, params)
    return int(found[0][0]) if found else None


class Accepted(NamedTuple):
    """What a caller is told once its message is safe: the inbox row, its status, and whether
    this delivery created it (False: a redelivery of a message the inbox already holds)."""

    id: int
    status: str
    created: bool


def accept_inbound(program_id: int, data: InboundMessageData, *, acting_user: Any) -> Accepted:
    """Write the message to the inbox (or find its earlier delivery), building no model
    instance: the inbound route answers with this alone.

    Bad input raises InvalidInput and writes nothing. A worker is woken after commit; if the
    wake-up is lost, the worker's sweep still finds the pending row.
    """
    return _accept(program_id, data, acting_user)[0]


def store_inbound(
    program_id: int, data: InboundMessageData, *, acting_user: Any
) -> tuple[InboundMessage, bool]:
    """`accept_inbound` for a caller that goes on with the row; returns (row, created)."""
    accepted, values = _accept(program_id, data, acting_user)
    if not accepted.created:
        return InboundMessage.objects.system_scope().get(pk=accepted.id), False
    row = InboundMessage(
        id=accepted.id, **{f"{k}_id" if k in _FKS else k: v for k, v in values.items()}
    )
    row._state.adding, row._state.db = False, connection.alias
    return row, True


def _accept(
    program_id: int, data: InboundMessageData, acting_user: Any
) -> tuple[Accepted, dict[str, Any]]:
    country = program_country_if_writable(acting_user, program_id)
    _validate(country, data)
    values = _row_values(program_id, data, acting_user.pk)
    inbound_id = _insert_once(values)
    if inbound_id is None:
        earlier_id, status = (
            InboundMessage.objects.system_scope()
            .filter(
                program_id=program_id,
                channel=data.channel,
                provider=data.provider,
                provider_message_id=data.provider_message_id,
            )
            .values_list("id", "status")
            .get()
        )
        return Accepted(earlier_id, status, False), values
    enqueue_after_commit(inbound_id)
    return Accepted(inbound_id, InboxStatus.PENDING, True), values


def _row_values(program_id: int, data: InboundMessageData, user_id: int) -> dict[str, Any]:
    now = timezone.now()
    return {
        "program": program_id,
        "channel": data.channel,
        "provider": data.provider,
        "provider_message_id": data.provider_message_id,
        "from_address": data.from_address,
        "from_phone": data.from_phone,
        "from_name": data.from_name.strip()[:200],
        "session_id": data.session_id.strip(),
        "to_address": data.to_address,
        "received_at": data.received_at or now,
        "subject": data.subject[:300],
        "body": data.body,
        "body_html": data.body_html,
        "attachments": [_stored_attachment(program_id, a) for a in data.attachments],
        "reference": data.reference,
        "raw": data.raw,
        "received_by": user_id,
        "created_at": now,
        "status": InboxStatus.PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "last_error": "",
    }


_FKS = frozenset({"program", "received_by"})


def enqueue_after_commit(inbound_id: int) -> None:
    """Wake a worker for the row once this transaction commits (`caredesk.channels.wakeup`)."""
    from caredesk.channels.wakeup import wake_worker_for

    transaction.on_commit(lambda: wake_worker_for(inbound_id))


def access_inbound(user: Any, inbound_id: int) -> InboundMessage:
    """An inbox row of one of the user's programs, or NotFound (another program's too)."""
    return InboundMessage.objects.visible_one(user, inbound_id, "Inbound message")
