"""The page contract of a list endpoint, checked in one call (decision 0005).

Every collection answers `{count, limit, offset, items}`, takes `limit` (1..MAX_LIMIT) and
`offset` (>= 0) and refuses anything else with a 422 naming the parameter, and keeps one
stable order so that consecutive pages neither repeat nor skip a row.
"""

from __future__ import annotations

from typing import Any

from caredesk.api_support.pagination import MAX_LIMIT
from caredesk.testing.api import ApiClient

ENVELOPE = {"count", "limit", "offset", "items"}
BAD_PAGES = ({"limit": 0}, {"limit": MAX_LIMIT + 1}, {"limit": "ten"}, {"offset": -1})


def keys(body: dict[str, Any], key: str = "id") -> list[Any]:
    return [row[key] for row in body["items"]]


def assert_pages(
    api: ApiClient, path: str, expected: list[Any], *, key: str = "id", **query: Any
) -> list[dict[str, Any]]:
    """`path` lists exactly `expected` (the values of `key`, in order) and pages them by two.

    Exactly: a row of another program among the answer fails the comparison. Returns the rows
    of the whole list for further checks."""
    assert len(expected) >= 3, "page by two needs at least three rows to prove anything"
    whole = api.get(path, **query)
    assert whole.status_code == 200, whole.content
    body = whole.json()
    assert set(body) == ENVELOPE
    assert (body["count"], body["offset"]) == (len(expected), 0)
    assert keys(body, key) == expected
    seen: list[Any] = []
    for offset in range(0, len(expected) + 2, 2):
        page = api.get(path, limit=2, offset=offset, **query).json()
        assert (page["count"], page["limit"], page["offset"]) == (len(expected), 2, offset)
        seen += keys(page, key)
    assert seen == expected
    for bad in BAD_PAGES:
        refused = api.get(path, **{**query, **bad})
        assert refused.status_code == 422, (bad, refused.content)
        assert set(bad) <= set(refused.json()["errors"]), refused.json()
    return list(body["items"])
