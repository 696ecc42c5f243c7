"""Guards of the public chat endpoints: rate limits per session and per client address, and the
origins a program's sites may call from (CORS).

Rate limits are fixed-window counters in Django's cache (shared by every process when the cache
is; per process with the default local-memory cache, which still bounds one process's load).
The limits are settings so an operator can tune them: WEBCHAT_SESSIONS_PER_IP_PER_HOUR,
WEBCHAT_LINES_PER_SESSION_PER_MINUTE, WEBCHAT_REQUESTS_PER_IP_PER_MINUTE.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from caredesk.channels.webchat.models import ChatWidget
from caredesk.errors import CareDeskError

DEFAULTS = {
    "WEBCHAT_SESSIONS_PER_IP_PER_HOUR": 30,
    "WEBCHAT_LINES_PER_SESSION_PER_MINUTE": 20,
    "WEBCHAT_REQUESTS_PER_IP_PER_MINUTE": 120,
}


class RateLimited(CareDeskError):
    """Too many requests; the answer says when to try again."""

    status = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__("Too many requests; slow down", {"retry_after": str(retry_after)})
        self.retry_after = retry_after


def limit(name: str) -> int:
    return int(getattr(settings, name, DEFAULTS[name]))


def count(key: str, allowed: int, window_seconds: int) -> None:
    """Count one request under `key`; RateLimited once more than `allowed` in the window."""
    full_key = f"webchat-rate:{key}"
    cache.add(full_key, 0, window_seconds)
    try:
        used = cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, window_seconds)
        used = 1
    if used > allowed:
        raise RateLimited(window_seconds)


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def check_ip(request: HttpRequest) -> None:
    count(f"ip:{client_address(request)}", limit("WEBCHAT_REQUESTS_PER_IP_PER_MINUTE"), 60)


def check_new_session(request: HttpRequest) -> None:
    allowed = limit("WEBCHAT_SESSIONS_PER_IP_PER_HOUR")
    count(f"start:{client_address(request)}", allowed, 3600)


def check_line(session_id: str) -> None:
    count(f"lines:{session_id}", limit("WEBCHAT_LINES_PER_SESSION_PER_MINUTE"), 60)


def own_origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def origin_allowed(request: HttpRequest, widget: ChatWidget | None) -> bool:
    """No Origin (not a browser's cross-site call), our own host, or a configured origin."""
    origin = request.headers.get("Origin", "")
    if not origin or origin == own_origin(request):
        return True
    return widget is not None and origin in (widget.allowed_origins or [])
