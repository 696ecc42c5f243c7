"""WhatsApp template approval, read from the provider: `caredesk sms sync-templates`.

WhatsApp (Meta) approves or rejects a template after it is submitted; Twilio's Content API
reports it (`GET /v1/Content/{ContentSid}/ApprovalRequests` → `whatsapp.status`: approved,
pending, received, unsubmitted, rejected, paused, disabled). Each of the program's templates is
asked through its active Twilio WhatsApp route's credentials and its status updated (audited):
approved → approved; rejected, paused, disabled → rejected (no longer sendable); anything
else → pending. A template the provider cannot be asked about keeps its status and is reported.
The base URL is a setting, so tests point it at a local HTTP server. Every six hours a job
syncs every program that has templates and a Twilio WhatsApp route (`sms.tasks`).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.channels.sms.models import (
    SmsChannel,
    SmsProviderKind,
    SmsRoute,
    TemplateStatus,
    WhatsAppTemplate,
)
from caredesk.channels.sms.services.providers import route_auth_token
from caredesk.errors import Conflict
from caredesk.tenancy.models import Program

SYNC_ACTOR = "system:whatsapp-sync"
_STATUS = {
    "approved": TemplateStatus.APPROVED,
    "rejected": TemplateStatus.REJECTED,
    "paused": TemplateStatus.REJECTED,
    "disabled": TemplateStatus.REJECTED,
}


@dataclass(frozen=True)
class Synced:
    name: str
    before: str
    after: str
    detail: str = ""


def _route(program: Program) -> SmsRoute:
    route = (
        SmsRoute.objects.system_scope()  # scoping: ok (an operator's command)
        .filter(program=program, channel=SmsChannel.WHATSAPP, provider=SmsProviderKind.TWILIO)
        .filter(active=True)
        .order_by("pk")
        .first()
    )
    if route is None or not (route.account_sid and route_auth_token(route)):
        raise Conflict("The program has no active Twilio WhatsApp route with credentials")
    return route


def provider_status(route: SmsRoute, content_sid: str) -> tuple[str, str]:
    """(WhatsApp's status, rejection reason) of one template; OSError/ValueError on failure."""
    base = settings.SMS_TWILIO_CONTENT_BASE.rstrip("/")
    url = f"{base}/v1/Content/{quote(content_sid, safe='')}/ApprovalRequests"
    auth = base64.b64encode(f"{route.account_sid}:{route_auth_token(route)}".encode()).decode()
    request = Request(url, headers={"Authorization": f"Basic {auth}", "Accept": "application/json"})  # noqa: S310
    with urlopen(request, timeout=settings.SMS_SEND_TIMEOUT) as answer:  # noqa: S310
        payload = json.loads(answer.read().decode() or "{}")
    whatsapp = payload.get("whatsapp") or {}
    return str(whatsapp.get("status") or ""), str(whatsapp.get("rejection_reason") or "")


def sync_templates(program: Program) -> list[Synced]:
    """Ask the provider about each of the program's templates and record what changed."""
    route = _route(program)
    results = []
    templates = WhatsAppTemplate.objects.system_scope().filter(program=program).order_by("name")
    for template in templates:
        try:
            status, reason = provider_status(route, template.content_sid)
        except (HTTPError, URLError, TimeoutError, OSError, ValueError) as exc:
            results.append(Synced(template.name, template.status, template.status, str(exc)))
            continue
        new = _STATUS.get(status.lower(), TemplateStatus.PENDING)
        if new != template.status:
            with transaction.atomic():
                before = template.status
                template.status = new
                template.save(update_fields=["status"])
                record_event(
                    AuditAction.UPDATE,
                    acting_user=None,
                    actor_username=SYNC_ACTOR,
                    instance=template,
                    changes={"status": [before, new]},
                    reason=f"WhatsApp says {status or 'nothing'}"
                    + (f": {reason}" if reason else ""),
                )
            results.append(Synced(template.name, before, new, reason))
        else:
            results.append(Synced(template.name, new, new, reason))
    return results


def sync_all_programs() -> int:
    """Sync every program that has WhatsApp templates and a Twilio WhatsApp route; how many
    templates changed status. Programs without such a route are skipped."""
    changed = 0
    ids = set(
        WhatsAppTemplate.objects.system_scope().values_list("program_id", flat=True)
    )  # scoping: ok (the system's own sweep)
    for program in Program.objects.system_scope().filter(pk__in=ids).order_by("pk"):
        try:
            results = sync_templates(program)
        except Conflict:
            continue
        changed += sum(r.before != r.after for r in results)
    return changed
