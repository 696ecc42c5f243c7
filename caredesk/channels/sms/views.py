"""Twilio-convention webhooks: inbound messages and delivery-status callbacks.

No session, no CSRF token: each request is authenticated by its X-Twilio-Signature, checked
with the auth token of the route it names. Unknown number: 404; bad or missing signature: 403;
both logged. The answer is TwiML (an empty `<Response/>`, or a keyword's reply).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from caredesk.channels.sms.services.receiving import (
    Answer,
    check_signature,
    first,
    receive_message,
    route_for,
)
from caredesk.channels.sms.services.status import apply_status
from caredesk.errors import InvalidInput

security_log = logging.getLogger("caredesk.security")
logger = logging.getLogger(__name__)


def _url(request: HttpRequest) -> str:
    """The URL Twilio requested, as it signed it (the public base URL behind a proxy)."""
    base = settings.SMS_PUBLIC_BASE_URL
    return f"{base}{request.get_full_path()}" if base else request.build_absolute_uri()


def _client(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def _twiml(answer: Answer) -> HttpResponse:
    return HttpResponse(answer.twiml, status=answer.status, content_type="application/xml")


def _plain(status: int, text: str) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


@csrf_exempt
@require_POST
def inbound_message(request: HttpRequest) -> HttpResponse:
    """An inbound SMS/WhatsApp message (form-encoded, Twilio's parameters)."""
    params = dict(request.POST.lists())
    route = route_for(first(params, "To"))
    if route is None:
        security_log.warning(
            "Twilio webhook for unknown number %r from %s",
            first(params, "To")[:40],
            _client(request),
        )
        return _plain(404, "Unknown number")
    signature = request.headers.get("X-Twilio-Signature", "")
    if not check_signature(route, _url(request), params, signature, _client(request)):
        return _plain(403, "Invalid signature")
    try:
        answer = receive_message(route, params)
    except InvalidInput as exc:
        logger.warning(
            "Twilio webhook refused for route %s: %s %s", route.pk, exc.message, exc.fields
        )
        return _plain(400, f"{exc.message}: {exc.fields}")
    return _twiml(answer)


@csrf_exempt
@require_POST
def status_callback(request: HttpRequest) -> HttpResponse:
    """A delivery-status callback for a message we sent (route found by our `From` number)."""
    params = dict(request.POST.lists())
    route = route_for(first(params, "From"))
    if route is None:
        security_log.warning(
            "Twilio status callback for unknown number %r from %s",
            first(params, "From")[:40],
            _client(request),
        )
        return _plain(404, "Unknown number")
    signature = request.headers.get("X-Twilio-Signature", "")
    if not check_signature(route, _url(request), params, signature, _client(request)):
        return _plain(403, "Invalid signature")
    with transaction.atomic():
        sms = apply_status(route, params)
    if sms is None:
        logger.warning("status callback for unknown message %r", first(params, "MessageSid")[:64])
        return _plain(404, "Unknown message")
    return _twiml(Answer(200))
