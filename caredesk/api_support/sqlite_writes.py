"""On SQLite, one writing request at a time per process.

SQLite has one writer. Our write transactions are `BEGIN IMMEDIATE`, so a second writer
waits inside SQLite's busy handler, which sleeps with back-off (up to 100 ms per try) instead
of waking when the lock is free. Under a few concurrent writers that turns a 20 ms request into
seconds at the tail (the intake benchmark measured p99 > 3 s). Queuing the writers of this
process on a Python lock instead hands the database over as soon as the previous writer
commits; writers of other processes (the worker, a CLI) still meet the busy timeout as before.

Only unsafe methods take the lock (reads run concurrently under WAL), and the middleware
removes itself when the database is not SQLite (PostgreSQL has row locks).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.core.exceptions import MiddlewareNotUsed
from django.db import connections
from django.http import HttpRequest, HttpResponse

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Re-entrant so that a request handled inside another one (the test client in a view) cannot
# deadlock its own thread.
_WRITE_LOCK = threading.RLock()


class SqliteWriteSerializationMiddleware:
    """Hold a process-wide lock around unsafe-method requests when the database is SQLite."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if connections["default"].vendor != "sqlite":
            raise MiddlewareNotUsed("only SQLite needs writers serialised in-process")
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method in _SAFE_METHODS:
            return self.get_response(request)
        with _WRITE_LOCK:
            return self.get_response(request)
