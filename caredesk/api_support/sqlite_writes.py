"""On SQLite, one writer at a time per process, queued on a Python lock.

SQLite has one writer. Our write transactions are `BEGIN IMMEDIATE`, so a second writer
waits inside SQLite's busy handler, which sleeps with back-off (up to 100 ms per try) instead
of waking when the lock is free. Under a few concurrent writers that turns a 20 ms request into
seconds at the tail (the intake benchmark measured p99 > 3 s). Queuing the writers of this
process on a Python lock instead hands the database over as soon as the previous writer
commits; writers of other processes (the worker, a CLI) still meet the busy timeout as before.

Two places take the lock. API writes take it exactly around their transaction or single
statement (`api_support.router`, `channels.services.inbox`), so the rest of the request (token
lookup, validation, the answer) overlaps with another thread's write. Other unsafe-method
requests (the pages' forms, the provider webhooks) hold it for the whole request, through the
middleware. Reads never take it (WAL lets them run concurrently), and on PostgreSQL (row locks)
neither place does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.exceptions import MiddlewareNotUsed
from django.db import connections
from django.http import HttpRequest, HttpResponse

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
API_PREFIX = "/api/"
# Re-entrant so that a request handled inside another one (the test client in a view) cannot
# deadlock its own thread.
_WRITE_LOCK = threading.RLock()


@contextmanager
def serialized_write(using: str = "default") -> Iterator[None]:
    """Hold this process's write lock while the block writes, when the database is SQLite."""
    if connections[using].vendor != "sqlite":
        yield
        return
    with _WRITE_LOCK:
        yield


class SqliteWriteSerializationMiddleware:
    """Hold the write lock around unsafe-method requests outside the API, on SQLite."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if connections["default"].vendor != "sqlite":
            raise MiddlewareNotUsed("only SQLite needs writers serialised in-process")
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in _SAFE_METHODS or request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        with _WRITE_LOCK:
            return self.get_response(request)
