"""On SQLite, writing requests of one process take turns on a lock; reads and PostgreSQL don't."""

from __future__ import annotations

import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from caredesk.api_support import sqlite_writes


def _held_during(method: str, path: str = "/cases/1/close/") -> bool:
    seen: list[bool] = []

    def view(_request):
        # A lock we do not hold can be taken from this thread only if it is free; an RLock we
        # hold reports ownership through its repr.
        seen.append("unlocked" not in repr(sqlite_writes._WRITE_LOCK))
        return HttpResponse()

    middleware = sqlite_writes.SqliteWriteSerializationMiddleware(view)
    middleware(getattr(RequestFactory(), method.lower())(path))
    return seen[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the lock is for SQLite only")
def test_unsafe_methods_hold_the_lock_and_reads_do_not():
    assert all(_held_during(m) for m in ("POST", "PUT", "PATCH", "DELETE"))
    assert not any(_held_during(m) for m in ("GET", "HEAD", "OPTIONS"))
    assert "unlocked" in repr(sqlite_writes._WRITE_LOCK)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the lock is for SQLite only")
def test_api_writes_take_the_lock_around_their_transaction_not_the_whole_request(db):
    from caredesk.api_support.router import atomic_operation

    assert not _held_during("POST", "/api/v1/programs/1/inbound")
    seen: list[bool] = []

    def run(_request):
        seen.append("unlocked" not in repr(sqlite_writes._WRITE_LOCK))
        return HttpResponse()

    atomic_operation(run)(RequestFactory().post("/api/v1/cases"))
    with sqlite_writes.serialized_write():
        seen.append("unlocked" not in repr(sqlite_writes._WRITE_LOCK))
    assert seen == [True, True]
    assert "unlocked" in repr(sqlite_writes._WRITE_LOCK)


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL has row locks")
def test_the_middleware_removes_itself_on_other_databases():
    with pytest.raises(MiddlewareNotUsed):
        sqlite_writes.SqliteWriteSerializationMiddleware(lambda request: HttpResponse())
