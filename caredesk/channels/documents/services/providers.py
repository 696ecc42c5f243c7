"""Outside services of the fax and video channels, behind small interfaces.

A fax provider is a paid service that cannot run here, so the default is `LocalFaxProvider`,
which drops the PDF and a JSON line into an outbox folder (CAREDESK_FAX_OUTBOX_DIR) where a fax
gateway or a person picks it up; a real provider's adapter implements the same `send`.
Video calls use links of a meeting service that needs no account (Jitsi Meet by default,
CAREDESK_VIDEO_BASE_URL to change it): an unguessable room name per call.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils import timezone


class FaxProvider(Protocol):
    def send(self, to: str, pdf: bytes, *, reference: str) -> str:
        """Hand the document over; the provider's id for it. Raises OSError on failure."""
        ...


class LocalFaxProvider:
    """The embedded default: the outbox folder is the hand-over point."""

    def __init__(self, outbox: Path | None = None) -> None:
        self.outbox = Path(outbox or settings.FAX_OUTBOX_DIR)

    def send(self, to: str, pdf: bytes, *, reference: str) -> str:
        self.outbox.mkdir(parents=True, exist_ok=True)
        fax_id = f"fax-{timezone.now():%Y%m%d%H%M%S}-{secrets.token_hex(4)}"
        (self.outbox / f"{fax_id}.pdf").write_bytes(pdf)
        line = {"id": fax_id, "to": to, "reference": reference, "file": f"{fax_id}.pdf"}
        with (self.outbox / "outbox.jsonl").open("a", encoding="utf-8") as index:
            index.write(json.dumps(line) + "\n")
        return fax_id


def fax_provider() -> FaxProvider:
    return LocalFaxProvider()


def new_video_link() -> str:
    """A meeting link with a room name nobody can guess."""
    base = settings.VIDEO_BASE_URL.rstrip("/")
    return f"{base}/CareDesk-{secrets.token_urlsafe(16)}"
