"""Limit/offset pagination: every list answers `{count, limit, offset, items}`.

`paginate` pages an ordered queryset in the database; `paginate_list` pages a list computed in
Python (a ranking, a report) with the same envelope; `map_items` turns a page's rows into the
shapes the response schema wants, for the page's rows only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from ninja import Field, Schema

MAX_LIMIT = 200
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000

T = TypeVar("T")


class PageParams(Schema):
    """Query parameters of every list; list filters subclass it."""

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Rows per page")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip")


class Page(Schema, Generic[T]):
    count: int
    limit: int
    offset: int
    items: list[T]


def paginate(queryset: QuerySet[Any], params: PageParams) -> dict[str, Any]:
    """One page of an ordered queryset and the total count."""
    return _page(queryset, queryset.count(), params)


def paginate_list(items: Sequence[Any], params: PageParams) -> dict[str, Any]:
    """One page of a list already in its final, stable order, and its length as the count."""
    return _page(items, len(items), params)


def _page(rows: QuerySet[Any] | Sequence[Any], count: int, params: PageParams) -> dict[str, Any]:
    return {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "items": list(rows[params.offset : params.offset + params.limit]),
    }


def map_items(page: dict[str, Any], out: Callable[[Any], Any]) -> dict[str, Any]:
    """The page with `out` applied to each of its rows (work done for one page, not all)."""
    return page | {"items": [out(item) for item in page["items"]]}
