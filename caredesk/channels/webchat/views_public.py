"""The public side of the chat: the widget script, a demo page, a public article page and the
visitor's JSON and event-stream endpoints under /chat/.

Anonymous: no session cookie and no CSRF token (csrf_exempt); each call after the start is
authenticated by the chat session's secret token (Authorization: Bearer, or `token` in the
body; the event stream takes it in the query, as EventSource cannot send headers). Rate-limited
per client address and per session; bodies of at most MAX_REQUEST_BYTES; a browser call from an
origin the program did not allow is refused (403) and gets no CORS headers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from caredesk.channels.webchat.models import ChatSession, ChatWidget
from caredesk.channels.webchat.services import limits
from caredesk.channels.webchat.services.articles import public_article
from caredesk.channels.webchat.services.sessions import (
    authenticate,
    close_by_visitor,
    line_json,
    post_customer_line,
    session_state,
    start_session,
    transcript_after,
    widget_for,
    widget_of_session,
)
from caredesk.errors import CareDeskError, NotFound

MAX_REQUEST_BYTES = 8192
WIDGET_JS = Path(__file__).parent / "static" / "webchat" / "widget.js"
Handler = Callable[..., HttpResponseBase]


def _error(exc: CareDeskError) -> JsonResponse:
    response = JsonResponse({"message": exc.message, "errors": exc.fields}, status=exc.status)
    if isinstance(exc, limits.RateLimited):
        response["Retry-After"] = str(exc.retry_after)
    return response


def _with_cors(request: HttpRequest, response: HttpResponseBase, widget: Any) -> None:
    origin = request.headers.get("Origin", "")
    response["Vary"] = "Origin"
    if origin and origin != limits.own_origin(request) and limits.origin_allowed(request, widget):
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Content-Type, Authorization, Last-Event-ID"
        response["Access-Control-Max-Age"] = "600"


def public_endpoint(find_widget: Callable[[dict[str, Any]], ChatWidget | None]) -> Any:
    """CORS (preflight included), origin check, per-address rate limit and error answers."""

    def decorate(view: Handler) -> Handler:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, **kwargs: Any) -> HttpResponseBase:
            widget = find_widget(kwargs)
            if not limits.origin_allowed(request, widget):
                return JsonResponse({"message": "Origin not allowed", "errors": {}}, status=403)
            if request.method == "OPTIONS":
                response: HttpResponseBase = HttpResponse(status=204)
            elif len(request.body) > MAX_REQUEST_BYTES:
                response = JsonResponse({"message": "Request too large", "errors": {}}, status=413)
            else:
                try:
                    limits.check_ip(request)
                    response = view(request, **kwargs)
                except CareDeskError as exc:
                    response = _error(exc)
            _with_cors(request, response, widget)
            return response

        return wrapper

    return decorate


def _by_code(kwargs: dict[str, Any]) -> ChatWidget | None:
    try:
        return widget_for(kwargs["program_code"])
    except NotFound:
        return None


def _by_session(kwargs: dict[str, Any]) -> ChatWidget | None:
    return widget_of_session(kwargs["session_id"])


def _payload(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise CareDeskError("Send a JSON object") from None
    if not isinstance(data, dict):
        raise CareDeskError("Send a JSON object")
    return data


def _text(data: dict[str, Any], name: str) -> str:
    value = data.get(name, "")
    return value if isinstance(value, str) else ""


def _token(request: HttpRequest, data: dict[str, Any]) -> str:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[7:].strip()
    return _text(data, "token") or request.GET.get("token", "")


@public_endpoint(_by_code)
@require_http_methods(["POST", "OPTIONS"])
def start(request: HttpRequest, program_code: str) -> HttpResponseBase:
    """Start a chat: {name?, email?} → {session_id, token, bot_name, welcome, state}."""
    widget = widget_for(program_code)
    data = _payload(request)
    limits.check_new_session(request)
    session, token = start_session(
        widget,
        name=_text(data, "name"),
        email=_text(data, "email"),
        origin=request.headers.get("Origin", ""),
    )
    body = {
        "session_id": session.session_id,
        "token": token,
        "bot_name": widget.bot_name,
        "welcome": widget.welcome_text,
        "state": session.state,
    }
    return JsonResponse(body, status=201)


@public_endpoint(_by_session)
@require_http_methods(["POST", "OPTIONS"])
def send(request: HttpRequest, session_id: str) -> HttpResponseBase:
    """Send a line: {id (client message id), text} → {messages: [...], state}. A retry with the
    same id answers the line already stored."""
    data = _payload(request)
    session = authenticate(session_id, _token(request, data))
    limits.check_line(session.session_id)
    lines = post_customer_line(session, _text(data, "id"), _text(data, "text"))
    session.refresh_from_db(fields=["state"])
    return JsonResponse({"messages": [line_json(m) for m in lines], "state": session.state})


@public_endpoint(_by_session)
@require_http_methods(["POST", "OPTIONS"])
def close(request: HttpRequest, session_id: str) -> HttpResponseBase:
    session = authenticate(session_id, _token(request, _payload(request)))
    session = close_by_visitor(session)
    return JsonResponse({"state": session.state})


def _sse(event: str, data: dict[str, Any], event_id: int | None = None) -> str:
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: {json.dumps(data)}\n\n"


def _stream(session: ChatSession, after: int) -> Iterator[str]:
    """New lines every POLL_SECONDS until STREAM_SECONDS; EventSource then reconnects with the
    last id it saw (Last-Event-ID), so nothing is missed or repeated."""
    seconds = getattr(settings, "WEBCHAT_STREAM_SECONDS", 25)
    poll = getattr(settings, "WEBCHAT_POLL_SECONDS", 0.5)
    deadline = time.monotonic() + seconds
    state, quiet_since = "", time.monotonic()
    yield "retry: 1000\n\n"
    while True:
        for line in transcript_after(session, after):
            after = line.pk
            quiet_since = time.monotonic()
            yield _sse("message", line_json(line), line.pk)
        current = session_state(session)
        if current != state:
            state = current
            yield _sse("state", {"state": state})
        if time.monotonic() >= deadline:
            return
        if time.monotonic() - quiet_since > 10:
            quiet_since = time.monotonic()
            yield ": keep-alive\n\n"
        time.sleep(poll)


@public_endpoint(_by_session)
@require_http_methods(["GET", "OPTIONS"])
def events(request: HttpRequest, session_id: str) -> HttpResponseBase:
    """Server-sent events of the visitor's own session: `message` and `state` events."""
    session = authenticate(session_id, request.GET.get("token", ""))
    last = request.headers.get("Last-Event-ID") or request.GET.get("after") or "0"
    after = int(last) if last.isdigit() else 0
    response = StreamingHttpResponse(_stream(session, after), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response


@require_GET
def widget_js(request: HttpRequest) -> HttpResponse:
    """The embeddable widget: plain JavaScript, no build step."""
    response = HttpResponse(WIDGET_JS.read_bytes(), content_type="application/javascript")
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def demo_page(request: HttpRequest, program_code: str) -> HttpResponse:
    """A public page with the widget embedded by its one script tag."""
    try:
        widget = widget_for(program_code)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(request, "channels_webchat/demo.html", {"widget": widget})


@require_GET
def article_page(request: HttpRequest, program_code: str, article_id: int) -> HttpResponse:
    """The approved text of a consumer article the bot cited (its source link)."""
    try:
        version = public_article(program_code, article_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    return render(request, "channels_webchat/article.html", {"version": version})
