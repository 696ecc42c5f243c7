"""Reads by key on the hottest paths, compiled once per process instead of on every call.

Every API call looks up its bearer token and the token's user. Through the ORM each lookup
built its SQL anew, and that compiler work cost about ten times the database's (the intake
benchmark, bench/README.md). A `KeyedRead` writes its SELECT and collects each column's
conversions (aware datetimes, booleans, JSON) once, then turns rows into model instances with
`Model.from_db`, as the ORM itself does; the columns it leaves out are deferred, not lost.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar, cast

from django.db import connections
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)
Converter = Callable[[Any, Any, Any], Any]


def _chosen(model: type[Model], names: Sequence[str] | None) -> list[Field[Any, Any]]:
    """The named concrete fields (all when None), in the model's own order: `Model.from_db`
    fills the deferred gaps by that order."""
    wanted = set(names) if names is not None else None
    fields = [
        cast("Field[Any, Any]", field)
        for field in model._meta.concrete_fields
        if wanted is None or field.name in wanted or field.attname in wanted
    ]
    found = {f.name for f in fields} | {f.attname for f in fields}
    if wanted is not None and not wanted <= found:
        raise ValueError(f"{model.__name__} has no field {sorted(wanted - found)}")
    return fields


class _Part:
    """One model's columns in the SELECT: how to convert them and build the instance."""

    def __init__(self, model: type[Model], fields: list[Field[Any, Any]], alias: str) -> None:
        self.model, self.fields, self.alias = model, fields, alias
        self.names = [field.attname for field in fields]

    def columns(self, quote: Callable[[str], str]) -> list[str]:
        return [f"{self.alias}.{quote(str(field.column))}" for field in self.fields]

    def converters(self, connection: Any) -> list[tuple[Any, list[Converter]]]:
        out = []
        for field in self.fields:
            column = field.get_col(self.alias)
            # What the ORM's compiler applies: the backend's, then the field's own.
            functions = connection.ops.get_db_converters(column)
            out.append((column, functions + column.get_db_converters(connection)))
        return out


class KeyedRead(Generic[M]):
    """`SELECT <columns> FROM <model's table> WHERE <key> = %s`: at most one row, as a model.

    `related` names a foreign key whose object comes in the same row (a LEFT JOIN, as
    `select_related` would), with `related_fields` of it (all when None)."""

    def __init__(
        self,
        model: type[M],
        key: str,
        fields: Sequence[str] | None = None,
        *,
        related: str | None = None,
        related_fields: Sequence[str] | None = None,
    ) -> None:
        self.model = model
        self.key = cast("Field[Any, Any]", model._meta.get_field(key))
        self.parts = [_Part(model, _chosen(model, fields), "t0")]
        self.link: Any = None
        if related is not None:
            self.link = model._meta.get_field(related)
            target = self.link.related_model
            self.parts.append(_Part(target, _chosen(target, related_fields), "t1"))
        self._compiled: dict[str, tuple[str, list[tuple[Any, list[Converter]]]]] = {}

    def _compile(self, alias: str) -> tuple[str, list[tuple[Any, list[Converter]]]]:
        sql = f"{self.select_from(alias)} WHERE t0.{self._quote(alias, self.key.column)} = %s"
        converters = [pair for part in self.parts for pair in part.converters(connections[alias])]
        return sql, converters

    @staticmethod
    def _quote(alias: str, name: Any) -> str:
        return str(connections[alias].ops.quote_name(str(name)))

    def select_from(self, alias: str = "default", extra: Sequence[str] = ()) -> str:
        """`SELECT <columns>[, <extra>] FROM <table> t0 [LEFT JOIN <related table> t1 …]`, for a
        caller that adds columns, joins or its own WHERE (then `build` turns the row's first
        `width` columns into the instance)."""
        connection = connections[alias]
        quote = connection.ops.quote_name
        names = [column for part in self.parts for column in part.columns(quote)]
        columns = ", ".join([*names, *extra])
        # Identifiers come from the models' metadata only; values are parameters.
        sql = f"SELECT {columns} FROM {quote(self.model._meta.db_table)} t0"  # noqa: S608
        if self.link is not None:
            target = self.link.related_model._meta
            sql += (
                f" LEFT JOIN {quote(target.db_table)} t1"
                f" ON t1.{quote(target.pk.column)} = t0.{quote(self.link.column)}"
            )
        return sql

    @property
    def width(self) -> int:
        """How many columns of a row `build` reads."""
        return sum(len(part.names) for part in self.parts)

    def get(self, value: Any, using: str = "default") -> M | None:
        """The row whose key equals `value`, or None."""
        sql, _converters = self._compiled_for(using)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, [value])
            row = cursor.fetchone()
        return None if row is None else self.build(row, using)

    def _compiled_for(self, using: str) -> tuple[str, list[tuple[Any, list[Converter]]]]:
        compiled = self._compiled.get(using)
        if compiled is None:
            compiled = self._compiled[using] = self._compile(using)
        return compiled

    def build(self, row: Sequence[Any], using: str = "default") -> M:
        """The instance (with its related object) from the first `width` columns of a row."""
        _sql, converters = self._compiled_for(using)
        connection = connections[using]
        values = []
        for raw, (column, functions) in zip(row, converters, strict=False):
            for function in functions:
                raw = function(raw, column, connection)
            values.append(raw)
        head = self.parts[0]
        instance = head.model.from_db(using, head.names, values[: len(head.names)])
        if self.link is not None:
            self._attach(instance, values[len(head.names) :], using)
        return cast(M, instance)

    def _attach(self, instance: Model, values: list[Any], using: str) -> None:
        part = self.parts[1]
        pk_index = part.names.index(part.model._meta.pk.attname)
        related = (
            None if values[pk_index] is None else part.model.from_db(using, part.names, values)
        )
        self.link.set_cached_value(instance, related)


def run_statement(alias: str, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Run one `%s`-style statement that returns rows (a SELECT, or a write with RETURNING) on a
    hot path, with the least driver work.

    Django's cursor re-translates the placeholders on SQLite (a regex per call) and on
    PostgreSQL binds every parameter into the SQL text in Python, which the server then parses
    and plans anew: for the inbound route's two statements that cost more than the rest of its
    database work (bench/README.md, intake). Here SQLite gets its `?` form once per statement
    (the driver caches the prepared statement), and PostgreSQL a server-side bound, prepared
    statement per connection. Errors come out as Django's database exceptions, and while
    queries are being recorded (DEBUG, tests counting them) the ordinary cursor runs instead.
    """
    connection = connections[alias]
    if connection.queries_logged or connection.vendor not in _DIRECT:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())
    connection.ensure_connection()
    connection.validate_no_broken_transaction()
    with connection.wrap_database_errors:
        return _DIRECT[connection.vendor](connection.connection, sql, params)


def _on_sqlite(raw: Any, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    cursor = raw.cursor()
    try:
        cursor.execute(_qmark(sql), params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _on_postgresql(raw: Any, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.Cursor(raw) as cursor:
        cursor.execute(sql, params, prepare=True)
        return cursor.fetchall()


@functools.lru_cache(maxsize=64)
def _qmark(sql: str) -> str:
    """sqlite3's own placeholders, as Django's SQLite cursor writes them on every call."""
    return sql.replace("%s", "?").replace("%%", "%")


_DIRECT: dict[str, Callable[[Any, str, Sequence[Any]], list[tuple[Any, ...]]]] = {
    "sqlite": _on_sqlite,
    "postgresql": _on_postgresql,
}
