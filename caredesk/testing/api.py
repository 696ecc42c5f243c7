"""Calling the REST API in tests as a named persona, with a real bearer token."""

from __future__ import annotations

import importlib.util
import json
import secrets
from typing import Any

from django.test import Client

from caredesk.accounts.models import ApiToken, User, hash_token

API = "/api/v1"


def tokens_available() -> bool:
    """Whether the accounts token service exists (until it does, tests sign in by session)."""
    try:
        return importlib.util.find_spec("caredesk.accounts.services.tokens") is not None
    except ModuleNotFoundError:
        return False


def issue_token(user: User) -> str:
    """A working bearer token for `user`, issued by the accounts service when it exists."""
    try:
        from caredesk.accounts.services import tokens
    except ImportError:
        tokens = None  # type: ignore[assignment]
    issue = getattr(tokens, "issue_token", None) or getattr(tokens, "create_token", None)
    if issue is not None:
        result = issue(user, name="tests")
        raw = result[1] if isinstance(result, tuple) else result
        return str(getattr(raw, "raw", raw))
    raw = "cd_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name="tests", prefix=raw[:12], token_hash=hash_token(raw))
    return raw


class ApiClient:
    """A Django test client that sends JSON and a bearer token to /api/v1."""

    def __init__(
        self, user: User | None = None, token: str | None = None, *, session: bool = False
    ) -> None:
        self.client = Client()
        self.headers: dict[str, str] = {}
        if user is not None and (session or not tokens_available()):
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
