"""Calling the REST API in tests as a named persona, with a real bearer token."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from caredesk.accounts.models import User
from caredesk.accounts.services.tokens import create_api_token

API = "/api/v1"


def issue_token(user: User) -> str:
    """A working bearer token for `user`, issued by the accounts token service."""
    return create_api_token(user, "tests")


class ApiClient:
    """A Django test client that sends JSON to /api/v1 with a bearer token (or a session)."""

    def __init__(
        self, user: User | None = None, token: str | None = None, *, session: bool = False
    ) -> None:
        self.client = Client()
        self.headers: dict[str, str] = {}
        if session and user is not None:
            self.client.force_login(user)
        elif user is not None or token is not None:
            raw = token or issue_token(user)  # type: ignore[arg-type]
            self.headers["Authorization"] = f"Bearer {raw}"

    def request(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        url = path if path.startswith(API) else f"{API}{path}"
        call = getattr(self.client, method.lower())
        if method.upper() in {"GET", "HEAD", "DELETE"}:
            return call(url, query or None, headers=self.headers)
        data = json.dumps(body if body is not None else {})
        return call(url, data, content_type="application/json", headers=self.headers)

    def get(self, path: str, **query: Any) -> Any:
        return self.request("GET", path, **query)

    def post(self, path: str, body: Any = None) -> Any:
        return self.request("POST", path, body)

    def patch(self, path: str, body: Any = None) -> Any:
        return self.request("PATCH", path, body)
