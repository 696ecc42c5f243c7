"""Reads by key on the hottest paths, compiled once per process instead of on every call.

Every API call looks up its bearer token and the token's user. Through the ORM each lookup
built its SQL anew, and that compiler work cost about ten times the database's (the intake
benchmark, bench/README.md). A `KeyedRead` writes its SELECT and collects each column's
conversions (aware datetimes, booleans, JSON) once, then turns rows into model instances with
`Model.from_db`, as the ORM itself does; the columns it leaves out are deferred, not lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar, cast

from django.db import connections
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)
Converter = Callable[[Any, Any, Any], Any]


class KeyedRead(Generic[M]):
    """`SELECT <columns> FROM <model's table> WHERE <key> = %s`, at most one row, as a model."""

    def __init__(self, model: type[M], key: str, fields: Sequence[str] | None = None) -> None:
        meta = model._meta
        self.model = model
        self.key = cast("Field[Any, Any]", meta.get_field(key))
        wanted = set(fields) if fields is not None else None
        # In the model's own order: `Model.from_db` fills the deferred gaps by that order.
        self.fields: list[Field[Any, Any]] = [
            cast("Field[Any, Any]", field)
            for field in meta.concrete_fields
            if wanted is None or field.name in wanted or field.attname in wanted
        ]
        found = {f.name for f in self.fields} | {f.attname for f in self.fields}
        if wanted is not None and not wanted <= found:
            raise ValueError(f"{model.__name__} has no field {sorted(wanted - found)}")
        self._compiled: dict[str, tuple[str, list[tuple[Any, list[Converter]]]]] = {}

    def _compile(self, alias: str) -> tuple[str, list[tuple[Any, list[Converter]]]]:
        connection = connections[alias]
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        columns = ", ".join(quote(str(field.column)) for field in self.fields)
        key = quote(str(self.key.column))
        sql = f"SELECT {columns} FROM {table} WHERE {key} = %s"  # noqa: S608 (identifiers from metadata)
        converters = []
        for field in self.fields:
            column = field.get_col(table)
            # What the ORM's compiler applies: the backend's, then the field's own.
            functions = connection.ops.get_db_converters(column)
            converters.append((column, functions + column.get_db_converters(connection)))
        return sql, converters

    def get(self, value: Any, using: str = "default") -> M | None:
        """The row whose key equals `value`, or None."""
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        sql, converters = compiled
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(sql, [value])
            row = cursor.fetchone()
        if row is None:
            return None
        values = []
        for raw, (column, functions) in zip(row, converters, strict=True):
            for function in functions:
                raw = function(raw, column, connection)
            values.append(raw)
        names = [field.attname for field in self.fields]
        return self.model.from_db(using, names, values)
