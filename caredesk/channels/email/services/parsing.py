"""Reading a raw email (RFC 5322 bytes) into what the inbox stores, with nothing silently lost.

The stdlib parser with `policy.default` decodes headers and bodies. Attachments the cases
service would refuse (type or size, `attachment_problem`) are not stored but listed with the
reason, and a line naming each is added to the text, so the agent reading the contact sees it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage as MimeMessage
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from caredesk.cases.services.interactions import AttachmentInput, attachment_problem

MESSAGE_ID = re.compile(r"<[^<>\s]+>")


@dataclass
class ParsedEmail:
    message_id: str
    in_reply_to: str
    references: list[str]
    from_address: str
    from_name: str
    to_addresses: list[str]
    subject: str
    sent_at: datetime | None
    text: str
    html: str
    attachments: list[AttachmentInput] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    automatic: bool = False  # an auto-reply or bulk mail: never answered automatically (loops)

    def thread_ids(self) -> list[str]:
        """Message-IDs this one answers, the closest first (In-Reply-To, then References back)."""
        ids = [self.in_reply_to] if self.in_reply_to else []
        ids += [m for m in reversed(self.references) if m not in ids]
        return ids


def message_ids(value: str | None) -> list[str]:
    return MESSAGE_ID.findall(str(value or ""))


def _header(message: MimeMessage, name: str) -> str:
    try:
        return str(message.get(name, "") or "").strip()
    except (ValueError, TypeError, IndexError):  # a header the parser cannot decode
        return ""


def _sent_at(message: MimeMessage) -> datetime | None:
    try:
        value = parsedate_to_datetime(_header(message, "Date"))
    except (TypeError, ValueError, IndexError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _part_text(part: MimeMessage) -> str:
    try:
        return str(part.get_content())
    except (LookupError, ValueError, AssertionError):  # unknown charset, broken encoding
        payload = part.get_payload(decode=True)
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _attachment(part: MimeMessage, index: int) -> AttachmentInput:
    payload = part.get_payload(decode=True)
    content = payload if isinstance(payload, bytes) else b""
    name = part.get_filename() or f"attachment-{index}"
    return AttachmentInput(name[:200], content, part.get_content_type())


def _collect_parts(message: MimeMessage, parsed: ParsedEmail) -> None:
    body = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    parsed.text = _part_text(body) if isinstance(body, MimeMessage) else ""
    parsed.html = _part_text(html) if isinstance(html, MimeMessage) else ""
    for index, part in enumerate(message.iter_attachments(), start=1):
        if not isinstance(part, MimeMessage):
            continue
        item = _attachment(part, index)
        problem = attachment_problem(item)
        if problem:
            parsed.rejected.append(
                {
                    "filename": item.filename,
                    "content_type": item.content_type,
                    "size": len(item.content),
                    "reason": problem,
                }
            )
        else:
            parsed.attachments.append(item)


def rejected_note(rejected: list[dict[str, Any]]) -> str:
    """The lines the agent sees for attachments that were not stored."""
    return "\n".join(
        f"[Attachment not accepted: {r['filename']} ({r['content_type']}, {r['size']} bytes):"
        f" {r['reason']}]"
        for r in rejected
    )


def is_automatic(message: MimeMessage) -> bool:
    """Sent by a machine, not a person (RFC 3834 Auto-Submitted, bulk or list precedence,
    common auto-reply headers): answering it automatically could start a mail loop."""
    submitted = _header(message, "Auto-Submitted").lower()
    precedence = _header(message, "Precedence").lower()
    return (
        (bool(submitted) and submitted != "no")
        or precedence in {"bulk", "junk", "list", "auto_reply"}
        or bool(_header(message, "X-Autoreply") or _header(message, "X-Autorespond"))
        or bool(_header(message, "List-Id"))
    )


def parse_email(raw: bytes) -> ParsedEmail:
    """Parse raw message bytes; a missing Message-ID is replaced by one made from the bytes."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, MimeMessage)
    own_id = message_ids(_header(message, "Message-ID"))
    sender = getaddresses([_header(message, "From")])
    name, address = sender[0] if sender else ("", "")
    parsed = ParsedEmail(
        message_id=own_id[0] if own_id else f"<sha256.{hashlib.sha256(raw).hexdigest()}@caredesk>",
        in_reply_to=next(iter(message_ids(_header(message, "In-Reply-To"))), ""),
        references=message_ids(_header(message, "References")),
        from_address=address.strip().lower(),
        from_name=name.strip(),
        to_addresses=[
            a.strip().lower()
            for _, a in getaddresses([_header(message, "To"), _header(message, "Cc")])
            if a
        ],
        subject=" ".join(_header(message, "Subject").split()),
        sent_at=_sent_at(message),
        text="",
        html="",
        automatic=is_automatic(message),
    )
    _collect_parts(message, parsed)
    return parsed
