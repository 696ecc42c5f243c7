"""The Router every app's API uses: each write is one transaction, every error is documented.

A write operation (anything but GET/HEAD) runs inside `transaction.atomic`, and any error
response rolls it back, so a handler that fails half way leaves nothing half-written (unless
it is marked `single_statement`: one write, which cannot be half done). Each
operation documents the error statuses with the shared error schema, so clients and the
schema fuzzer know every answer it may give.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from ninja import Router
from ninja.constants import NOT_SET
from ninja.decorators import decorate_view

from caredesk.api_support.errors import ERROR_STATUSES, ErrorOut
from caredesk.api_support.sqlite_writes import serialized_write

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def atomic_operation(run: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Run one API operation in a transaction, rolled back when it answers an error."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        with serialized_write(), transaction.atomic():
            response = run(request, *args, **kwargs)
            if response.status_code >= 400:
                transaction.set_rollback(True)
            return response

    return wrapper


def single_statement(view: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a write operation whose one database write is a single statement, so that it runs
    without the operation-wide transaction.

    One statement is atomic by itself, and the reads before it need no shared snapshot; the
    transaction would only add BEGIN and COMMIT, two more round trips to the database on the
    hottest route (every channel's every message, `channels/api.py`). Only for operations that
    validate everything before that statement and write nothing after it."""
    view._single_statement = True  # type: ignore[attr-defined]
    return view


class ApiRouter(Router):
    """A ninja Router that adds the shared error responses and write transactions."""

    def add_api_operation(
        self, path: str, methods: list[str], view_func: Callable[..., Any], **kwargs: Any
    ) -> None:
        response = kwargs.get("response", NOT_SET)
        if response is NOT_SET:
            documented = (kwargs.get("openapi_extra") or {}).get("responses", {})
            # A handler returning its own HttpResponse (a file) documents 200 in openapi_extra;
            # otherwise the 200 is undeclared JSON.
            ok = {} if 200 in documented else {200: Any}
            kwargs["response"] = {**ok, ERROR_STATUSES: ErrorOut}
        elif isinstance(response, dict):
            kwargs["response"] = {**response, ERROR_STATUSES: ErrorOut}
        else:
            kwargs["response"] = {200: response, ERROR_STATUSES: ErrorOut}
        if not set(methods) <= _SAFE_METHODS and not getattr(view_func, "_single_statement", False):
            decorate_view(atomic_operation)(view_func)
        super().add_api_operation(path, methods, view_func, **kwargs)
