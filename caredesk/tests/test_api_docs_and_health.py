"""The OpenAPI document and docs page work offline; health answers without a database."""

from __future__ import annotations

import json
import re
from typing import Any

from django.contrib.staticfiles import finders
from django.test import Client

from caredesk.testing.api import API


def test_health_answers_without_auth_or_database():
    # No `db` fixture: pytest-django fails any query, so this proves none is made.
    response = Client().get(f"{API}/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _value in pairs]
    assert len(keys) == len(set(keys)), f"duplicate keys in {keys}"  # Swagger UI refuses them
    return dict(pairs)


def test_openapi_document_lists_the_routes(db):
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content, object_pairs_hook=_no_duplicate_keys)
    assert document["openapi"].startswith("3.")
    paths = document["paths"]
    for path in (
        "/api/v1/persons",
        "/api/v1/cases/{case_id}/interactions",
        "/api/v1/interactions/{interaction_id}/corrections",
        "/api/v1/cases/{case_id}/timeline",
        "/api/v1/search",
        "/api/v1/cases/export.csv",
    ):
        assert path in paths
    csv_answer = paths["/api/v1/cases/export.csv"]["get"]["responses"]["200"]
    assert list(csv_answer["content"]) == ["text/csv"]
    schemes = document["components"]["securitySchemes"]
    assert {s["type"] for s in schemes.values()} == {"http", "apiKey"}


def test_docs_page_loads_swagger_from_our_own_static_files(db):
    response = Client().get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources, html
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    for source in sources:
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source
    # CSP is script-src 'self': every executable script must come from a file.
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        assert "src=" in attrs or 'type="application/json"' in attrs or not body.strip()
