"""Fetching one inbound media item over HTTP: a small interface and its one implementation.

`MediaFetcher.fetch` returns the bytes and content type, or raises `FetchError` saying whether a
retry can help. Only hosts in `SMS_MEDIA_HOSTS` are fetched (a signed webhook still must not make
us fetch an arbitrary URL), at most `ATTACHMENT_MAX_BYTES` + 1 bytes are read, so an oversized
file is refused without being held whole. For a Twilio route the request carries the route's
basic auth (Twilio's media URLs answer 401 without it when HTTP auth is on for media); the
header is not repeated to the host Twilio redirects to (its CDN). Tests start a local HTTP
server and name it in the setting; nothing here reaches the internet in tests.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Protocol
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings

from caredesk.channels.sms.models import SmsProviderKind, SmsRoute
from caredesk.channels.sms.services.providers import route_auth_token


class FetchError(Exception):
    """The item could not be fetched; `permanent` says a retry cannot help."""

    def __init__(self, message: str, *, permanent: bool) -> None:
        super().__init__(message)
        self.permanent = permanent


@dataclass(frozen=True)
class Fetched:
    content: bytes
    content_type: str
    truncated: bool  # larger than the limit: only the first limit + 1 bytes were read


class MediaFetcher(Protocol):
    def fetch(self, url: str, max_bytes: int) -> Fetched: ...


def check_host(url: str) -> None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or host not in settings.SMS_MEDIA_HOSTS:
        raise FetchError(f"media host {host or '?'} is not allowed", permanent=True)


class HttpMediaFetcher:
    def __init__(self, auth: tuple[str, str] | None, timeout: int) -> None:
        self.auth = auth
        self.timeout = timeout

    def _request(self, url: str) -> Request:
        request = Request(url, method="GET")  # noqa: S310 (host checked against the allow-list)
        if self.auth is not None:
            token = base64.b64encode(f"{self.auth[0]}:{self.auth[1]}".encode()).decode()
            request.add_unredirected_header("Authorization", f"Basic {token}")
        return request

    def fetch(self, url: str, max_bytes: int) -> Fetched:
        check_host(url)
        try:
            with urlopen(self._request(url), timeout=self.timeout) as answer:  # noqa: S310
                content = answer.read(max_bytes + 1)
                kind = str(answer.headers.get_content_type() or "")
        except HTTPError as exc:
            retry = exc.code == 429 or exc.code >= 500
            raise FetchError(f"HTTP {exc.code} fetching media", permanent=not retry) from None
        except (URLError, TimeoutError, OSError) as exc:
            raise FetchError(f"media unreachable: {exc}", permanent=False) from None
        return Fetched(content[:max_bytes], kind, len(content) > max_bytes)


def fetcher_for(route: SmsRoute) -> MediaFetcher:
    """The fetcher for a route's media (the route's Twilio credentials, if any)."""
    auth = None
    if route.provider == SmsProviderKind.TWILIO and route.account_sid:
        token = route_auth_token(route)
        auth = (route.account_sid, token) if token else None
    return HttpMediaFetcher(auth, settings.SMS_SEND_TIMEOUT)
