"""Which program a voice webhook is for, and whether Twilio signed it.

The route is found from the number called (`To`); a callback that carries no `To` (a recording
status) is found from its CallSid's call. The signature is checked with the SMS channel's
`is_valid_signature` and the same token convention (an environment variable named
CAREDESK_TWILIO_TOKEN_…), before anything is stored. Every refusal is logged on the security
log; one a minute per route is audited (a flood of forged requests cannot queue the audit
chain behind it).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence

from django.core.cache import cache
from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.channels.sms.models import TOKEN_ENV_PREFIX
from caredesk.channels.sms.services.signature import is_valid_signature
from caredesk.channels.voice.models import CallRecord, VoiceRoute

security_log = logging.getLogger("caredesk.security")
Params = Mapping[str, Sequence[str]]
REFUSAL_AUDIT_SECONDS = 60


def first(params: Params, name: str) -> str:
    values = params.get(name) or []
    return str(values[0]) if values else ""


def route_for(params: Params) -> VoiceRoute | None:
    """The active route of the number called, else the route of the call named by CallSid
    (system scope: nobody is signed in on a webhook)."""
    routes = VoiceRoute.objects.system_scope().filter(active=True).select_related("program")
    number = first(params, "To").strip()
    if number:
        found = routes.filter(phone_number=number).first()
        if found is not None:
            return found
    sid = first(params, "CallSid").strip()
    if not sid:
        return None
    route_ids = set(
        CallRecord.objects.system_scope()
        .filter(call_sid=sid)
        .values_list("route_id", flat=True)[:2]
    )
    return routes.filter(pk=route_ids.pop()).first() if len(route_ids) == 1 else None


def route_auth_token(route: VoiceRoute) -> str:
    """The route's auth token, read only from a CAREDESK_TWILIO_TOKEN_… variable ("" if unset)."""
    name = route.auth_token_env.strip()
    return os.environ.get(name, "") if name.startswith(TOKEN_ENV_PREFIX) else ""


def check_signature(route: VoiceRoute, url: str, params: Params, signature: str, who: str) -> bool:
    """True for a correctly signed request; otherwise logs (and at most once a minute audits)."""
    items = [(name, str(value)) for name, values in params.items() for value in values]
    token = route_auth_token(route)
    if is_valid_signature(token, url, items, signature):
        return True
    why = "no auth token configured" if not token else "missing or wrong X-Twilio-Signature"
    security_log.warning(
        "refused Twilio voice webhook for route %s (%s): %s; url=%r from=%s call=%r",
        route.pk,
        route.phone_number,
        why,
        url,
        who,
        first(params, "CallSid")[:64],
    )
    if cache.add(f"voice-webhook-refused:{route.pk}", 1, REFUSAL_AUDIT_SECONDS):
        with transaction.atomic():
            record_event(
                AuditAction.LOGIN_FAILED,
                acting_user=None,
                instance=route,
                reason=f"Voice webhook refused: {why}",
                changes={"url": [None, url[:300]], "client": [None, who[:100]]},
            )
    return False
