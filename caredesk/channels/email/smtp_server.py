"""The inbound SMTP receiver (aiosmtpd): accept mail for routed addresses, store it, then 250.

RCPT for an address no program receives on is refused with 550 and logged. DATA is parsed and
stored through the inbox before the server answers: 250 means the row is committed; if storing
fails for a reason a retry may fix (the database is away, the route's account lost access) the
answer is 451 and the sending server keeps the message and tries again; a message that can never
be stored (nothing in it) gets 554, so its sender hears of it. The database work runs in a
worker thread (`sync_to_async`), as the ORM may not run on the event loop.
"""

from __future__ import annotations

import logging
from typing import Any

from aiosmtpd.controller import Controller
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connections

from caredesk.channels.email.services.receiving import receive_email, route_for
from caredesk.errors import InvalidInput

logger = logging.getLogger(__name__)


def _route_exists(address: str) -> bool:
    try:
        return route_for(address) is not None
    finally:
        connections.close_all()  # this pool thread's connection: none left open between mails


def _store(raw: bytes, recipients: list[str]) -> int:
    try:
        return len(receive_email(raw, recipients, transport="smtp"))
    finally:
        connections.close_all()


class InboundHandler:
    """aiosmtpd handler: one method per SMTP step the receiver has a say in."""

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if not await sync_to_async(_route_exists, thread_sensitive=False)(address):
            logger.warning(
                "email refused: no program receives mail for %s (from %s, peer %s)",
                address,
                envelope.mail_from,
                session.peer,
            )
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        try:
            await sync_to_async(_store, thread_sensitive=False)(raw, list(envelope.rcpt_tos))
        except InvalidInput as exc:
            logger.warning(
                "email from %s cannot be stored: %s %s", envelope.mail_from, exc, exc.fields
            )
            return "554 5.6.0 Message cannot be accepted: it has no text or attachment"
        except Exception:
            logger.exception(
                "email from %s not stored; asking the sender to retry", envelope.mail_from
            )
            return "451 4.3.0 Temporary failure storing the message, try again later"
        return "250 2.0.0 Message stored"


def make_controller(host: str, port: int) -> Controller:
    """A receiver bound to host:port (start() it; stop() it)."""
    return Controller(
        InboundHandler(),
        hostname=host,
        port=port,
        data_size_limit=settings.EMAIL_INBOUND_MAX_BYTES,
        server_hostname=settings.EMAIL_MESSAGE_ID_DOMAIN,
    )
