"""Fast inserts for the demo loader: explicit ids and plain rows, no model instances.

`bulk_create` spends most of its time building model instances and preparing every value of
every field; for a million timeline rows that is minutes. Here ids are allocated up front (so
children can point at parents before anything is written) and only the columns that need it
(datetimes, dates, JSON) go through the backend's adapters. A system-level tool for an empty
database inside one transaction; never use it for user data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max
from django.utils import timezone

Row = dict[str, Any]
BATCH = 2000


class IdAllocator:
    """Hands out primary keys above the current maximum of each table."""

    def __init__(self) -> None:
        self._next: dict[type[models.Model], int] = {}

    def next(self, model: type[models.Model]) -> int:
        if model not in self._next:
            current = model._default_manager.aggregate(top=Max("pk"))["top"] or 0
            self._next[model] = current + 1
        value = self._next[model]
        self._next[model] = value + 1
        return value


def _sqlite_datetime(value: datetime) -> str:
    """What Django's SQLite backend stores for an aware datetime (naive UTC text), faster."""
    return str(value.astimezone(UTC).replace(tzinfo=None))


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        if connection.vendor == "sqlite" and connection.timezone == UTC:
            return _sqlite_datetime
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        encoder = field.encoder
        return lambda value: ops.adapt_json_value(value, encoder)
    return None


def _default(field: models.Field[Any, Any], now: Any) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()


def _prepared(fields: list[Any], rows: Iterable[Row]) -> Iterator[list[Any]]:
    now = timezone.now()
    defaults = [_default(f, now) for f in fields]
    converters = [(i, c) for i, c in enumerate(_converter(f) for f in fields) if c is not None]
    names = [f.attname for f in fields]
    for row in rows:
        values = [row.get(name, default) for name, default in zip(names, defaults, strict=True)]
        for index, convert in converters:
            if values[index] is not None:
                values[index] = convert(values[index])
        yield values


def insert_rows(model: type[models.Model], rows: Iterable[Row]) -> int:
    """Insert rows (dicts keyed by attname; missing columns take the field default).

    PostgreSQL gets COPY (several times faster than INSERTs); SQLite gets executemany.
    Identifiers come from model metadata and are quoted; values are always parameters.
    """
    fields = list(model._meta.concrete_fields)
    table = connection.ops.quote_name(str(model._meta.db_table))
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    values = _prepared(fields, rows)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in values:
                    copy.write_row(row)
                    count += 1
            return count
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
        while batch := list(islice(values, BATCH)):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def instance_row(instance: models.Model) -> Row:
    """A model instance as a row for `insert_rows` (its pk must already be set)."""
    return {
        f.attname: getattr(instance, f.attname)
        for f in instance._meta.concrete_fields
        if not (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
    }


def reset_sequences(model_list: list[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the explicit ids (a no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), model_list)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
