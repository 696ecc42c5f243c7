"""On SQLite, writing requests of one process take turns on a lock; reads and PostgreSQL don't."""

from __future__ import annotations

import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from caredesk.api_support import sqlite_writes


def _held_during(method: str) -> bool:
    seen: list[bool] = []

    def view(_request):
        # A lock we do not hold can be taken from this thread only if it is free; an RLock we
        # hold reports ownership through its repr.
        seen.append("unlocked" not in repr(sqlite_writes._WRITE_LOCK))
        return HttpResponse()

    middleware = sqlite_writes.SqliteWriteSerializationMiddleware(view)
    middleware(getattr(RequestFactory(), method.lower())("/api/v1/health"))
    return seen[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the lock is for SQLite only")
def test_unsafe_methods_hold_the_lock_and_reads_do_not():
    assert all(_held_during(m) for m in ("POST", "PUT", "PATCH", "DELETE"))
    assert not any(_held_during(m) for m in ("GET", "HEAD", "OPTIONS"))
    assert "unlocked" in repr(sqlite_writes._WRITE_LOCK)


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL has row locks")
def test_the_middleware_removes_itself_on_other_databases():
    with pytest.raises(MiddlewareNotUsed):
        sqlite_writes.SqliteWriteSerializationMiddleware(lambda request: HttpResponse())
