"""One error shape for every API failure: `{"message": ..., "errors": {field: why}}`.

Services raise `caredesk.errors` exceptions; ninja raises its own for malformed input and
failed authentication. Each becomes the same JSON body so a client needs one error reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from caredesk.errors import CareDeskError

if TYPE_CHECKING:
    from ninja import NinjaAPI

# Where a validation error sits, minus ninja's wrapper names, is the field the client sent.
_SOURCES = frozenset({"body", "query", "path", "header", "cookie", "form", "file"})


class ErrorOut(Schema):
    message: str
    errors: dict[str, str] = {}


ERROR_STATUSES = (400, 401, 403, 404, 409, 422)


def error_body(message: str, errors: dict[str, str] | None = None) -> dict[str, Any]:
    return {"message": message, "errors": errors or {}}


def _field_name(loc: list[Any] | tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
        # ninja nests a body schema under the handler's parameter name ("payload").
        if len(parts) > 1 and loc[0] == "body":
            parts = parts[1:]
    return ".".join(parts) or "request"


def validation_errors(errors: list[dict[str, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in errors:
        name = _field_name(item.get("loc", ()))
        msg = str(item.get("msg", "is invalid"))
        out[name] = f"{out[name]}; {msg}" if name in out else msg
    return out


def install_error_handlers(api: NinjaAPI) -> None:
    """Register the handlers that turn every known failure into the error shape."""

    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def on_caredesk(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, exc.status, error_body(exc.message, exc.fields))

    def on_validation(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, 422, error_body("Invalid input", validation_errors(exc.errors)))

    def on_auth(request: HttpRequest, exc: Any) -> HttpResponse:
        response = respond(request, 401, error_body("Authentication required"))
        response["WWW-Authenticate"] = 'Bearer realm="caredesk"'
        return response

    def on_http(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, exc.status_code, error_body(str(exc)))

    def on_404(request: HttpRequest, exc: Any) -> HttpResponse:
        return respond(request, 404, error_body("Not found"))

    api.add_exception_handler(CareDeskError, on_caredesk)
    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(AuthenticationError, on_auth)
    api.add_exception_handler(HttpError, on_http)
    api.add_exception_handler(Http404, on_404)
