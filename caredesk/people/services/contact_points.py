"""Normalising contact points so that a caller is found whatever way the number was typed."""

from __future__ import annotations

import functools

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from caredesk.errors import InvalidInput
from caredesk.people.models import ContactKind


def normalize_phone(raw: str, region: str = "US") -> str:
    """E.164 form of a phone number, or InvalidInput naming the problem."""
    e164 = _e164(raw, region)
    if e164 is None:
        raise InvalidInput("Not a phone number", {"value": f"{raw!r} is not a phone number"})
    if not e164:
        raise InvalidInput("Not a valid phone number", {"value": f"{raw!r} is not a valid number"})
    return e164


@functools.lru_cache(maxsize=4096)
def _e164(raw: str, region: str) -> str | None:
    """The number in E.164; "" when it cannot be a number, None when it does not parse.

    Cached: the same senders write again and again (every SMS of a conversation, every reply),
    and parsing with the phone metadata costs more than the rest of storing their message."""
    try:
        number = phonenumbers.parse(raw, region or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(raw: str) -> str:
    value = raw.strip().lower()
    try:
        validate_email(value)
    except ValidationError:
        raise InvalidInput("Not an email address", {"value": f"{raw!r} is not an email"}) from None
    return value


def normalize_contact(kind: str, raw: str, region: str) -> str:
    if kind == ContactKind.PHONE:
        return normalize_phone(raw, region)
    if kind == ContactKind.EMAIL:
        return normalize_email(raw)
    if kind == ContactKind.ADDRESS:
        value = " ".join(raw.split())
        if not value:
            raise InvalidInput("Empty address", {"value": "an address cannot be empty"})
        return value
    raise InvalidInput("Unknown contact kind", {"kind": f"{kind!r} is not phone, email or address"})
