"""The one inbound-message shape every channel adapter produces."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from caredesk.cases.services.interactions import AttachmentInput


@dataclass
class InboundMessageData:
    """A message as a channel adapter normalised it, before anything is matched or screened.

    `provider_message_id` is the provider's own id (an email Message-ID, a Twilio MessageSid, a
    chat message id): a second delivery of the same id by the same provider on the same channel
    is the same message. At least one of `from_phone`, `from_address`, `session_id` or
    `reference` says who sent it. `attachments` carry their bytes here; the inbox keeps only
    references to the stored files.
    """

    channel: str
    provider: str
    provider_message_id: str
    received_at: datetime | None = None
    from_phone: str = ""
    from_address: str = ""
    from_name: str = ""
    session_id: str = ""
    to_address: str = ""
    subject: str = ""
    body: str = ""
    body_html: str = ""
    reference: str = ""
    attachments: list[AttachmentInput] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
