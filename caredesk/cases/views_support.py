"""What every workspace view shares: service errors become 404/403 pages or form errors.

Services raise `caredesk.errors` exceptions; a view never decides on its own whether another
program's object exists. `service_view` turns NotFound into the 404 page and Forbidden into the
403 page; `add_service_errors` copies an InvalidInput/Conflict onto a bound form so the agent
sees the service's own field messages next to the fields.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from caredesk.errors import CareDeskError, Forbidden, NotFound

# Invalid form input answers 422 so tests and htmx can tell it from success; base.html tells
# htmx to swap 422 responses so the form with its errors replaces the submitted one.
INVALID = 422

ViewFunc = Callable[..., HttpResponse]


def service_view(view: ViewFunc) -> ViewFunc:
    """Map NotFound → 404 page and Forbidden → 403 page for the wrapped view."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(exc.message) from exc
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc

    return wrapper


def add_service_errors(
    form: forms.Form, exc: CareDeskError, aliases: dict[str, str] | None = None
) -> None:
    """Attach a service error to `form`: field messages on their fields, the rest on top."""
    aliases = aliases or {}
    form.add_error(None, exc.message)
    for name, message in exc.fields.items():
        field = aliases.get(name, name)
        if field in form.fields:
            form.add_error(field, message)
        elif message != exc.message:
            form.add_error(None, f"{name}: {message}")


def is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))
