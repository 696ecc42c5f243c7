"""An agent's email reply on a case: addressed, threaded, worded from a template, queued.

The reply goes to the address the person last wrote from on this case (else their email on
file), from the program address that mail came to (else the program's first active route), and
carries In-Reply-To and References of the person's latest email (else ours), so their mail
program threads it and their answer threads back onto the case (`receiving.thread_case`); the
subject carries the case reference as a second way back. The consent ledger is asked first:
after an opt-out nothing is logged or sent (409). Delivery is `delivery.deliver_now`, after
commit.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template import Context, Template
from django.utils import timezone

from caredesk.audit.services import record_created
from caredesk.cases.models import Case, Direction
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.channels.email.models import (
    EmailDirection,
    EmailMessage,
    EmailRoute,
    EmailTemplate,
    SendStatus,
)
from caredesk.errors import Conflict, InvalidInput, NotFound
from caredesk.outreach.models import ConsentPurpose
from caredesk.outreach.services import may_send
from caredesk.people.models import Channel, ContactKind, ContactPoint
from caredesk.tenancy.services import check_can_write

MAX_BODY = 100_000
MAX_REFERENCES = 10
DEFAULT_SUBJECT = "Re: {{ subject|default:'Your inquiry' }}"
DEFAULT_BODY = (
    "{{ message }}\n\n{{ agent_name }}\n{{ program.name }}\nReference: {{ case.reference }}"
)
EMAIL_FIELDS = ["case", "interaction", "direction", "message_id", "to_address", "send_status"]


def case_emails(case: Case) -> Any:
    """The case's emails, both directions, newest first (system scope: the caller holds it)."""
    return (
        EmailMessage.objects.system_scope()
        .filter(Q(case=case) | Q(inbound__case=case))
        .order_by("-created_at", "-pk")
    )


def _recipient(case: Case, last_inbound: EmailMessage | None) -> str:
    if last_inbound is not None and last_inbound.from_address:
        return last_inbound.from_address
    email = (
        ContactPoint.objects.system_scope()
        .filter(person_id=case.person_id, program_id=case.program_id, kind=ContactKind.EMAIL)
        .order_by("-is_primary", "pk")
        .values_list("value", flat=True)
        .first()
        if case.person_id
        else None
    )
    if not email:
        raise InvalidInput("No address to send to", {"to": "the case's person has no email"})
    return str(email)


def _route(case: Case, last_inbound: EmailMessage | None) -> EmailRoute:
    routes = EmailRoute.objects.system_scope().filter(program_id=case.program_id, active=True)
    if last_inbound is not None:
        same = routes.filter(address=last_inbound.to_address).first()
        if same is not None:
            return same
    route = routes.order_by("pk").first()
    if route is None:
        raise Conflict("The program has no email address to send from", {"from": "no route"})
    return route


def _threading(latest: EmailMessage | None) -> tuple[str, str]:
    """(In-Reply-To, References) answering the case's latest email."""
    if latest is None:
        return "", ""
    chain = [*latest.references.split(), latest.message_id]
    return latest.message_id, " ".join(dict.fromkeys(chain[-MAX_REFERENCES:]))


def render_reply(
    case: Case, message: str, *, template: str, agent_name: str, subject: str
) -> tuple[str, str]:
    """(subject, body) from the program's template of that name, else the built-in wording."""
    found = None
    if template != "default":
        found = (
            EmailTemplate.objects.system_scope()
            .filter(program_id=case.program_id, name=template)
            .first()
        )
        if found is None:
            raise NotFound(f"No email template {template!r} in this program")
    context = Context(
        {
            "case": case,
            "person": case.person,
            "program": case.program,
            "agent_name": agent_name,
            "message": message,
            "subject": subject,
        },
        autoescape=False,
    )
    rendered = Template(found.subject if found else DEFAULT_SUBJECT).render(context)
    body = str(Template(found.body if found else DEFAULT_BODY).render(context))
    subject_text = " ".join(str(rendered).split())
    if case.reference not in subject_text:
        subject_text = f"{subject_text} [{case.reference}]"
    return subject_text[:300], body.strip()


def _check_message(message: str) -> str:
    text = message.strip()
    if not text:
        raise InvalidInput("Invalid email", {"body": "the message is empty"})
    if len(text) > MAX_BODY:
        raise InvalidInput("Invalid email", {"body": f"at most {MAX_BODY} characters"})
    return text


def new_message_id() -> str:
    return f"<{uuid.uuid4().hex}@{settings.EMAIL_MESSAGE_ID_DOMAIN}>"


def send_case_email(
    case: Case, message: str, *, acting_user: Any, template: str = "default"
) -> EmailMessage:
    """Reply on a case by email: consent checked, interaction logged, email queued."""
    check_can_write(acting_user, case.program_id)
    text = _check_message(message)
    emails = case_emails(case)
    last_inbound = emails.filter(direction=EmailDirection.INBOUND).first()
    latest = last_inbound or emails.first()  # answer the person's mail, not our acknowledgement
    to = _recipient(case, last_inbound)
    route = _route(case, last_inbound)
    state = may_send(case.program_id, Channel.EMAIL, to, ConsentPurpose.CASE_REPLY)
    if not state.allowed:
        raise Conflict("Consent does not allow this email", {"consent": state.reason, "to": to})
    agent = acting_user.get_full_name() or acting_user.get_username()
    subject, body = render_reply(
        case, text, template=template, agent_name=agent, subject=latest.subject if latest else ""
    )
    in_reply_to, references = _threading(latest)
    with transaction.atomic():
        interaction = log_interaction(
            case,
            InteractionInput(
                channel=Channel.EMAIL, direction=Direction.OUTBOUND, subject=subject, body=body
            ),
            acting_user=acting_user,
        )
        email = EmailMessage.objects.create(
            program_id=case.program_id,
            direction=EmailDirection.OUTBOUND,
            message_id=new_message_id(),
            in_reply_to=in_reply_to,
            references=references,
            case=case,
            interaction=interaction,
            from_address=route.address,
            to_address=to,
            subject=subject,
            body=body,
            send_status=SendStatus.QUEUED,
            next_attempt_at=timezone.now(),
        )
        record_created(email, acting_user=acting_user, fields=EMAIL_FIELDS)
        transaction.on_commit(lambda: enqueue_delivery(email.pk))
    return email


def enqueue_delivery(email_id: int) -> None:
    from caredesk.channels.email.tasks import deliver_email

    deliver_email(email_id)
