"""Every collection of the API answers one page envelope with the same query parameters.

Read from the OpenAPI document, so a list added tomorrow is held to it too: no GET operation
answers a bare JSON array, and every one answering `{count, limit, offset, items}` takes
`limit` and `offset` (decision 0005). Paging a list computed in Python gives the same envelope
as paging a queryset.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

from caredesk.api import api
from caredesk.api_support.pagination import PageParams, map_items, paginate, paginate_list
from caredesk.tenancy.models import Program
from caredesk.testing import factories as f

ENVELOPE = {"count", "limit", "offset", "items"}


@functools.cache
def openapi() -> dict[str, Any]:
    return api.get_openapi_schema()


def resolved(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return resolved(openapi()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    return schema


def answers() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    found = []
    for path, item in openapi()["paths"].items():
        operation = item.get("get")
        responses = (operation or {}).get("responses", {})
        content = responses.get(200, responses.get("200", {})).get("content", {})
        if "application/json" in content:
            found.append((path, operation, resolved(content["application/json"]["schema"])))
    return found


def test_no_get_operation_answers_a_bare_array() -> None:
    assert len(answers()) >= 60
    bare = [path for path, _operation, schema in answers() if schema.get("type") == "array"]
    assert bare == []


def test_every_page_takes_limit_and_offset() -> None:
    pages = [
        (path, op)
        for path, op, schema in answers()
        if set(schema.get("properties", {})) == ENVELOPE
    ]
    assert len(pages) >= 30
    for path, operation in pages:
        query = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        assert {"limit", "offset"} <= query, path


@pytest.mark.django_db
def test_a_computed_list_pages_like_a_queryset() -> None:
    for code in ("p1", "p2", "p3", "p4", "p5"):
        f.ProgramFactory(code=code)
    rows = Program.objects.order_by("code")
    params = PageParams(limit=2, offset=3)
    from_db = paginate(rows, params)
    computed = paginate_list(list(rows), params)
    assert computed == from_db
    assert [p.code for p in computed["items"]] == ["p4", "p5"]
    assert paginate_list(list(rows), PageParams(limit=50, offset=9))["items"] == []
    named = map_items(computed, lambda p: p.code.upper())
    assert named == {"count": 5, "limit": 2, "offset": 3, "items": ["P4", "P5"]}
