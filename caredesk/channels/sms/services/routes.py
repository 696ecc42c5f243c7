"""Setting up a program's SMS/WhatsApp number (a route), checked before it is saved."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from caredesk.accounts.models import User
from caredesk.audit.services import record_created
from caredesk.channels.sms.models import TOKEN_ENV_PREFIX, SmsChannel, SmsProviderKind, SmsRoute
from caredesk.errors import InvalidInput
from caredesk.people.services.contact_points import normalize_phone
from caredesk.tenancy.models import READ_ONLY_ROLES, Membership, Program

ROUTE_FIELDS = ["program", "phone_number", "channel", "provider", "auth_token_env", "received_by"]


@dataclass
class RouteInput:
    program_code: str
    phone_number: str
    received_by: str
    from_name: str
    channel: str = SmsChannel.SMS
    provider: str = SmsProviderKind.LOCAL
    account_sid: str = ""
    auth_token_env: str = ""
    help_contact: str = ""


def _checked(data: RouteInput) -> tuple[Program, User, str]:
    errors: dict[str, str] = {}
    # scoping: ok (an operator's command, not a user request)
    program = Program.objects.system_scope().filter(code=data.program_code).first()
    if program is None:
        raise InvalidInput("Unknown program", {"program": f"no program {data.program_code!r}"})
    number = normalize_phone(data.phone_number, program.country)
    user = User.objects.filter(username=data.received_by, is_active=True).first()
    writes = Membership.objects.filter(user=user, program=program, active=True).exclude(
        role__in=list(READ_ONLY_ROLES)
    )
    if user is None or not writes.exists():
        errors["received_by"] = "an active user with a writing role in the program"
    if data.channel not in SmsChannel.values:
        errors["channel"] = "sms or whatsapp"
    if data.provider not in SmsProviderKind.values:
        errors["provider"] = "twilio or local"
    if data.auth_token_env and not data.auth_token_env.startswith(TOKEN_ENV_PREFIX):
        errors["auth_token_env"] = f"must start with {TOKEN_ENV_PREFIX}"
    if data.provider == SmsProviderKind.TWILIO and not (data.account_sid and data.auth_token_env):
        errors["account_sid"] = "a Twilio route needs the account SID and the token variable"
    if not data.from_name.strip():
        errors["from_name"] = "the program name used in replies"
    if SmsRoute.objects.system_scope().filter(phone_number=number, channel=data.channel).exists():
        errors["phone_number"] = f"{number} already has a {data.channel} route"
    if errors:
        raise InvalidInput("Invalid route", errors)
    assert user is not None
    return program, user, number


def add_route(data: RouteInput) -> SmsRoute:
    """Create a route (audited). Webhooks to its number are refused until its token is set."""
    program, user, number = _checked(data)
    with transaction.atomic():
        route = SmsRoute.objects.create(
            program=program,
            phone_number=number,
            channel=data.channel,
            provider=data.provider,
            account_sid=data.account_sid.strip(),
            auth_token_env=data.auth_token_env.strip(),
            from_name=data.from_name.strip()[:100],
            help_contact=data.help_contact.strip()[:200],
            received_by=user,
        )
        record_created(route, acting_user=None, fields=ROUTE_FIELDS)
    return route
