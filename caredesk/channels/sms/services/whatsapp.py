"""WhatsApp's 24-hour customer-service window and its approved templates.

WhatsApp lets a business send free-form text to a person only within 24 hours of that person's
last message to the business's number; after that, only a template WhatsApp approved may be
sent (Twilio answers error 63016 otherwise, and the message is lost to the person). So a reply
is checked before anything is written: outside the window without an approved template the
answer is a clear Conflict naming the way out. The window is read from our own inbox (the
person's last WhatsApp message to the program), and checked again when the message is handed
to the provider, since a retry can fall outside it.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from caredesk.audit.services import record_created
from caredesk.channels.models import InboundMessage
from caredesk.channels.sms.models import SmsChannel, TemplateStatus, WhatsAppTemplate
from caredesk.errors import Conflict, InvalidInput
from caredesk.tenancy.models import Program

WINDOW = timedelta(hours=24)
MAX_VARIABLE = 200
_PLACEHOLDER = re.compile(r"\{\{(\d{1,2})\}\}")
_NAME = re.compile(r"^[a-z0-9_]{1,64}$")
_CONTENT_SID = re.compile(r"^HX[0-9a-f]{32}$")
TEMPLATE_FIELDS = ["program", "name", "content_sid", "language", "status"]
WINDOW_CLOSED = (
    "WhatsApp's 24-hour customer-service window is closed (the person has not written in the "
    "last 24 hours): only an approved template may be sent"
)


def last_customer_message_at(program_id: int, phone: str) -> datetime | None:
    """When the person last wrote to the program on WhatsApp (None: never)."""
    # scoping: ok (the caller holds the program's case or message)
    found = (
        InboundMessage.objects.system_scope()
        .filter(program_id=program_id, channel=SmsChannel.WHATSAPP, from_phone=phone)
        .order_by("-received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    return found


def window_open(program_id: int, phone: str, at: datetime | None = None) -> bool:
    last = last_customer_message_at(program_id, phone)
    return last is not None and last > (at or timezone.now()) - WINDOW


def check_free_form_allowed(program_id: int, phone: str) -> None:
    """Conflict when free-form WhatsApp text may not be sent to `phone` now."""
    if not window_open(program_id, phone):
        raise Conflict(WINDOW_CLOSED, {"template": "name an approved WhatsApp template"})


def approved_template(program_id: int, name: str) -> WhatsAppTemplate:
    # scoping: ok (the program of the case the caller holds)
    found = WhatsAppTemplate.objects.system_scope().filter(program_id=program_id, name=name).first()
    if found is None:
        raise InvalidInput("Unknown template", {"template": f"no WhatsApp template {name!r}"})
    if found.status != TemplateStatus.APPROVED:
        raise Conflict(
            "This template is not approved by WhatsApp", {"template": found.get_status_display()}
        )
    return found


def render_template(template: WhatsAppTemplate, variables: list[str]) -> str:
    """The template's text with {{n}} filled; InvalidInput for a wrong number or bad values."""
    wanted = sorted({int(n) for n in _PLACEHOLDER.findall(template.body)})
    if len(variables) != len(wanted):
        raise InvalidInput(
            "Invalid template variables", {"variables": f"{len(wanted)} values for {template.name}"}
        )
    for value in variables:
        if not value.strip() or len(value) > MAX_VARIABLE or any(c in value for c in "\n\t\x00"):
            raise InvalidInput(
                "Invalid template variables",
                {"variables": f"each 1-{MAX_VARIABLE} characters on one line"},
            )
    values = dict(zip(wanted, variables, strict=True))
    return _PLACEHOLDER.sub(lambda m: values[int(m.group(1))], template.body)


def add_template(
    program: Program, *, name: str, content_sid: str, body: str, language: str, status: str
) -> WhatsAppTemplate:
    """Record a template WhatsApp approved (or is reviewing) for the program (audited)."""
    errors = {}
    if not _NAME.match(name):
        errors["name"] = "lower-case letters, digits and _ (at most 64)"
    if not _CONTENT_SID.match(content_sid):
        errors["content_sid"] = "the provider's template id, HX followed by 32 hex digits"
    if not body.strip():
        errors["body"] = "the approved text, with {{1}}, {{2}}… placeholders"
    if status not in TemplateStatus.values:
        errors["status"] = ", ".join(TemplateStatus.values)
    if errors:
        raise InvalidInput("Invalid template", errors)
    with transaction.atomic():
        template, _ = WhatsAppTemplate.objects.system_scope().update_or_create(
            program=program,
            name=name,
            defaults={
                "content_sid": content_sid,
                "body": body.strip(),
                "language": language,
                "status": status,
            },
        )
        record_created(template, acting_user=None, fields=TEMPLATE_FIELDS)
    return template
