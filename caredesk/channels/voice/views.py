"""Twilio-convention voice webhooks: each answers TwiML.

No session, no CSRF token: every request is authenticated by its X-Twilio-Signature, checked
with the auth token of the route it concerns (the number called, or the call's route). Unknown
number or call: 404; bad or missing signature: 403; both logged. Each view parses, calls one
service and renders its TwiML.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from caredesk.channels.voice.models import VoiceRoute
from caredesk.channels.voice.services import events, ivr, selfservice, waiting
from caredesk.channels.voice.services.routes import Params, check_signature, first, route_for
from caredesk.channels.voice.services.twiml import TwiML
from caredesk.errors import InvalidInput, NotFound

security_log = logging.getLogger("caredesk.security")
logger = logging.getLogger(__name__)
Handler = Callable[[HttpRequest, VoiceRoute, Params], str]


def _url(request: HttpRequest) -> str:
    """The URL Twilio requested, as it signed it (the public base URL behind a proxy)."""
    base = settings.SMS_PUBLIC_BASE_URL
    return f"{base}{request.get_full_path()}" if base else request.build_absolute_uri()


def _plain(status: int, text: str) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


def _twiml(body: str) -> HttpResponse:
    return HttpResponse(body, content_type="application/xml")


def twilio_hook(handler: Handler) -> Callable[[HttpRequest], HttpResponse]:
    """Find the route, check the signature, run the handler, answer its TwiML."""

    @csrf_exempt
    @require_POST
    @wraps(handler)
    def view(request: HttpRequest) -> HttpResponse:
        params = dict(request.POST.lists())
        client = str(request.META.get("REMOTE_ADDR", ""))
        route = route_for(params)
        if route is None:
            security_log.warning(
                "Twilio voice webhook for unknown number %r / call %r from %s",
                first(params, "To")[:40],
                first(params, "CallSid")[:64],
                client,
            )
            return _plain(404, "Unknown number or call")
        signature = request.headers.get("X-Twilio-Signature", "")
        if not check_signature(route, _url(request), params, signature, client):
            return _plain(403, "Invalid signature")
        try:
            with transaction.atomic():
                return _twiml(handler(request, route, params))
        except NotFound as exc:
            logger.warning("voice webhook for route %s: %s", route.pk, exc.message)
            return _plain(404, exc.message)
        except InvalidInput as exc:
            logger.warning(
                "voice webhook refused for route %s: %s %s", route.pk, exc.message, exc.fields
            )
            return _plain(400, f"{exc.message}: {exc.fields}")

    return view


@twilio_hook
def incoming_call(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return ivr.answer_call(route, params)


@twilio_hook
def menu_choice(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    tries = request.GET.get("tries", "1")
    return ivr.choose(route, params, int(tries) if tries.isdigit() else 1)


@twilio_hook
def silent_menu(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return ivr.choose_agent(route, params)


@twilio_hook
def lot_number(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return selfservice.lot_check(route, params)


@twilio_hook
def faq_question(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return selfservice.faq_answer(route, params)


@twilio_hook
def problem_report(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return selfservice.report(route, params)


@twilio_hook
def wait_url(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return waiting.wait_music(route, params)


@twilio_hook
def wait_choice(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return waiting.wait_choice(route, params)


@twilio_hook
def queue_done(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return waiting.queue_done(route, params)


@twilio_hook
def voicemail(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return ivr.voicemail_prompt(route, params)


@twilio_hook
def voicemail_done(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    return ivr.voicemail_done(route, params)


@twilio_hook
def recording_status(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    if events.store_recording(route, params) is None:
        raise NotFound("Unknown call")
    return str(TwiML())


@twilio_hook
def call_status(request: HttpRequest, route: VoiceRoute, params: Params) -> str:
    if events.apply_call_status(route, params) is None:
        raise NotFound("Unknown call")
    return str(TwiML())
