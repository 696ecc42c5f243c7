"""Polling an IMAP mailbox: the alternative inbound path for a program that cannot point its
MX at CareDesk's SMTP receiver (CAREDESK_IMAP_*; the mailbox serves the route
CAREDESK_IMAP_ADDRESS).

Each poll reads the messages not yet taken (unseen, or every message when a done folder is set)
with BODY.PEEK[] so reading marks nothing, stores each through `receive_email` (committed in
the inbox), and only then marks it seen or moves it to the done folder. A crash between the two
reads the message again next time, and its Message-ID makes that a no-op: nothing is lost and
nothing is stored twice. A message that can never be stored is flagged and marked seen, logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from caredesk.channels.email.services.receiving import receive_email
from caredesk.errors import InvalidInput

logger = logging.getLogger(__name__)
SEEN, FLAGGED = b"\\Seen", b"\\Flagged"
BATCH = 100


@dataclass
class PollResult:
    stored: int = 0  # new inbox rows
    repeated: int = 0  # already stored (a redelivery, or a crash before marking)
    refused: int = 0  # can never be stored: flagged in the mailbox
    failed: int = 0  # not stored this time (database away…): read again next poll


def _take(client: IMAPClient, uid: int, address: str, result: PollResult) -> None:
    raw = client.fetch([uid], ["BODY.PEEK[]"]).get(uid, {}).get(b"BODY[]")
    if not raw:
        result.failed += 1
        return
    try:
        received = receive_email(bytes(raw), [address], transport="imap")
    except InvalidInput as exc:
        logger.warning("IMAP message %s cannot be stored: %s %s", uid, exc, exc.fields)
        client.add_flags([uid], [FLAGGED, SEEN])
        result.refused += 1
        return
    except Exception:
        logger.exception("IMAP message %s not stored; it is read again next poll", uid)
        result.failed += 1
        return
    created = sum(r.created for r in received)
    result.stored += created
    result.repeated += len(received) - created
    if settings.IMAP_DONE_FOLDER:
        client.move([uid], settings.IMAP_DONE_FOLDER)
    else:
        client.add_flags([uid], [SEEN])


def poll_mailbox(limit: int = BATCH) -> PollResult:
    """Take up to `limit` waiting messages from the configured mailbox into the inbox."""
    result = PollResult()
    if not settings.IMAP_HOST:
        return result
    address = settings.IMAP_ADDRESS
    try:
        with IMAPClient(
            settings.IMAP_HOST, port=settings.IMAP_PORT, ssl=settings.IMAP_SSL, timeout=30
        ) as client:
            client.login(settings.IMAP_USER, settings.IMAP_PASSWORD)
            client.select_folder(settings.IMAP_FOLDER)
            waiting = client.search(["ALL"] if settings.IMAP_DONE_FOLDER else ["UNSEEN"])
            for uid in sorted(waiting)[:limit]:
                _take(client, uid, address, result)
    except (IMAPClientError, OSError) as exc:
        logger.warning("IMAP poll of %s failed: %s", settings.IMAP_HOST, exc)
        result.failed += 1
    return result
