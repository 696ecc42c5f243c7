"""A received fax or letter, uploaded as a scan: one inbound message through the inbox.

The document must be what it says: the type is read from the file's first bytes (PDF, PNG,
JPEG, TIFF, GIF), not from the name or the browser's claim, so a renamed executable never
lands on a case. The provider message id is the fax provider's own id when there is one, else
the file's SHA-256: uploading the same scan twice answers the first row. The inbox then
matches the sender (fax number, email or a case reference written on the letter), screens
the note and routes it like any other contact.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from caredesk.cases.services.interactions import AttachmentInput
from caredesk.channels.message import InboundMessageData
from caredesk.channels.models import InboundMessage
from caredesk.channels.services.inbox import program_country_if_writable, store_inbound
from caredesk.errors import InvalidInput

MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
CHANNELS = ("fax", "mail")


def sniff_type(content: bytes) -> str:
    """The document type its first bytes show, or an empty string."""
    return next((kind for magic, kind in MAGIC if content.startswith(magic)), "")


@dataclass
class ReceivedDocument:
    channel: str  # fax or mail
    filename: str
    content: bytes
    from_phone: str = ""  # the sending fax number
    from_address: str = ""
    from_name: str = ""
    reference: str = ""  # a case reference written on the document
    note: str = ""  # what the person who opened it says it is about
    document_id: str = ""  # the fax provider's id, when there is one
    received_at: datetime | None = None


def _check(doc: ReceivedDocument) -> str:
    errors: dict[str, str] = {}
    if doc.channel not in CHANNELS:
        errors["channel"] = "fax or mail"
    content_type = sniff_type(doc.content)
    if not content_type:
        errors["file"] = "a received fax or letter must be a PDF or an image (PNG, JPEG, TIFF)"
    if errors:
        raise InvalidInput("Invalid document", errors)
    return content_type


def receive_document(
    program_id: int, doc: ReceivedDocument, *, acting_user: Any
) -> tuple[InboundMessage, bool]:
    """Store the document as an inbound message of the program; (inbox row, created).

    Who may write to the program is asked first, so another program's caller learns nothing
    from the validation of what they sent."""
    program_country_if_writable(acting_user, program_id)
    content_type = _check(doc)
    digest = hashlib.sha256(doc.content).hexdigest()
    kind = "Fax" if doc.channel == "fax" else "Letter"
    body = doc.note.strip() or f"{kind} received: {doc.filename or 'scan'} (see the attachment)"
    data = InboundMessageData(
        channel=doc.channel,
        provider="upload" if not doc.document_id else "fax-gateway",
        provider_message_id=(doc.document_id or f"sha256:{digest}")[:200],
        received_at=doc.received_at,
        from_phone=doc.from_phone,
        from_address=doc.from_address,
        from_name=doc.from_name,
        reference=doc.reference,
        body=body,
        attachments=[AttachmentInput(doc.filename or f"{kind.lower()}", doc.content, content_type)],
        raw={"sha256": digest, "uploaded_type": content_type},
    )
    return store_inbound(program_id, data, acting_user=acting_user)
