"""Inbound MMS / WhatsApp media: recorded with the message, fetched once it is filed, stored on
the case under the same type and size limits as e-mail attachments.

The webhook records one `SmsMedia` per MediaUrlN in the message's own transaction (never
fetched there: the webhook answers at once and a slow media host cannot lose the message).
When the inbox files the message on a case (`AFTER_PROCESSED`), a job is queued after commit;
it claims the message's due items by a conditional UPDATE (attempts + 1, a lease) and commits,
fetches them (`media_fetch`), and in one transaction stores the accepted ones as attachments of
a new inbound interaction on the case (interactions are immutable, so the message's own one is
never changed; as for voicemail in decision 0013). A refused item (type, size, host) is kept
with its reason and named in that interaction, or on the timeline when nothing was accepted; an
item that cannot be fetched is retried with back-off and, after `MAX_ATTEMPTS`, failed with a
timeline note for a person. A minute sweep takes up lost jobs and dead workers' leases.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from caredesk.cases.models import Case, Direction, Interaction, TimelineKind
from caredesk.cases.services.interactions import (
    AttachmentInput,
    InteractionInput,
    attachment_problem,
    log_interaction,
)
from caredesk.cases.services.timeline import add_timeline_entry
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.sms.models import MediaStatus, SmsKind, SmsMedia, SmsMessage
from caredesk.channels.sms.services.media_fetch import Fetched, FetchError, fetcher_for
from caredesk.errors import CareDeskError

logger = logging.getLogger(__name__)
MAX_MEDIA = 10  # Twilio sends at most 10 items per message
MAX_ATTEMPTS = 5
LEASE = timedelta(minutes=2)
GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream"}
Params = Mapping[str, Sequence[str]]


def _first(params: Params, name: str) -> str:
    values = params.get(name) or []
    return str(values[0]) if values else ""


def record_media(sms: SmsMessage, params: Params) -> int:
    """One pending `SmsMedia` per MediaUrlN of a new inbound message; how many."""
    try:
        count = min(max(int(_first(params, "NumMedia") or 0), 0), MAX_MEDIA)
    except ValueError:
        count = 0
    items = [
        SmsMedia(
            program_id=sms.program_id,
            message=sms,
            index=i,
            url=_first(params, f"MediaUrl{i}")[:1000],
            declared_type=_first(params, f"MediaContentType{i}")[:100],
            next_attempt_at=timezone.now(),
        )
        for i in range(count)
        if _first(params, f"MediaUrl{i}")
    ]
    SmsMedia.objects.bulk_create(items)
    return len(items)


def queue_media_after_filing(row: InboundMessage, interaction: Interaction) -> None:
    """Inbox hook: a message with media was filed; fetch its media after commit."""
    if row.channel not in ("sms", "whatsapp"):
        return
    sms_id = (
        SmsMessage.objects.system_scope()
        .filter(inbound_id=row.pk, kind=SmsKind.INBOUND, media__status=MediaStatus.PENDING)
        .values_list("pk", flat=True)
        .first()
    )
    if sms_id is not None:
        transaction.on_commit(lambda: _enqueue(sms_id))


def _enqueue(sms_id: int) -> None:
    from caredesk.channels.sms.tasks import fetch_sms_media

    fetch_sms_media(sms_id)


def _due(now: datetime) -> Q:
    pending = Q(status=MediaStatus.PENDING, next_attempt_at__lte=now)
    return pending | Q(status=MediaStatus.FETCHING, lease_until__lt=now)


def _claim(sms_id: int) -> list[SmsMedia]:
    now = timezone.now()
    with transaction.atomic():
        rows = SmsMedia.objects.system_scope().filter(
            _due(now), message_id=sms_id, attempts__lt=MAX_ATTEMPTS
        )
        ids = list(rows.values_list("pk", flat=True))
        claimed = SmsMedia.objects.system_scope().filter(_due(now), pk__in=ids)
        claimed.update(
            status=MediaStatus.FETCHING, attempts=F("attempts") + 1, lease_until=now + LEASE
        )
    mine = SmsMedia.objects.system_scope().filter(
        pk__in=ids, status=MediaStatus.FETCHING, lease_until=now + LEASE
    )
    return list(mine.order_by("index"))


def fetch_media_now(sms_id: int) -> int:
    """Claim, fetch and store the message's due media; how many items were settled."""
    sms = (
        SmsMessage.objects.system_scope()
        .select_related("route", "inbound")
        .filter(pk=sms_id, kind=SmsKind.INBOUND)
        .first()
    )
    if sms is None or sms.inbound is None or sms.inbound.status != InboxStatus.PROCESSED:
        return 0  # not filed yet: the hook queues the job once it is
    items = _claim(sms_id)
    if not items:
        return 0
    fetcher = fetcher_for(sms.route)
    results: list[tuple[SmsMedia, Fetched | FetchError]] = []
    for item in items:
        try:
            results.append((item, fetcher.fetch(item.url, settings.ATTACHMENT_MAX_BYTES)))
        except FetchError as exc:
            results.append((item, exc))
    with transaction.atomic():
        _settle(sms, results)
    return len(results)


def _attachment(item: SmsMedia, fetched: Fetched) -> AttachmentInput:
    kind = fetched.content_type if fetched.content_type not in GENERIC_TYPES else ""
    kind = (kind or item.declared_type).split(";")[0].strip().lower()
    extension = mimetypes.guess_extension(kind) or ""
    return AttachmentInput(f"media-{item.index + 1}{extension}", fetched.content, kind)


def _settle(sms: SmsMessage, results: list[tuple[SmsMedia, Fetched | FetchError]]) -> None:
    accepted: list[tuple[SmsMedia, AttachmentInput]] = []
    refused: list[tuple[SmsMedia, str]] = []
    for item, result in results:
        if isinstance(result, FetchError):
            _fetch_failed(sms, item, result)
            continue
        attachment = _attachment(item, result)
        item.content_type, item.size = attachment.content_type, len(attachment.content)
        problem = attachment_problem(attachment)
        if result.truncated:
            problem = f"larger than {settings.ATTACHMENT_MAX_BYTES} bytes"
        if problem:
            refused.append((item, problem))
        else:
            accepted.append((item, attachment))
    _store(sms, accepted, refused)


def _case_of(row: InboundMessage) -> Case:
    """The case a processed message was filed on."""
    assert row.case_id is not None
    return Case.objects.system_scope().get(pk=row.case_id)  # scoping: ok (the filed case)


def _refused_line(item: SmsMedia, reason: str) -> str:
    kind = item.content_type or item.declared_type or "unknown type"
    return f"[Attachment not accepted: media {item.index + 1} ({kind}): {reason}]"


def _store(
    sms: SmsMessage,
    accepted: list[tuple[SmsMedia, AttachmentInput]],
    refused: list[tuple[SmsMedia, str]],
) -> None:
    if not (accepted or refused):
        return
    assert sms.inbound is not None
    row = sms.inbound
    case = _case_of(row)
    notes = [_refused_line(item, reason) for item, reason in refused]
    for item, reason in refused:
        _finish(item, MediaStatus.REJECTED, reason)
    if not accepted:
        add_timeline_entry(case, TimelineKind.NOTE, " ".join(notes), data={"sms": sms.pk})
        return
    sent = f"{row.received_at:%Y-%m-%d %H:%M} UTC"
    body = "\n".join([f"Media sent with the {sms.channel} message of {sent}", *notes])
    data = InteractionInput(
        channel=sms.channel,
        direction=Direction.INBOUND,
        body=body,
        occurred_at=row.received_at,
        received_at=row.received_at,
        attachments=[attachment for _, attachment in accepted],
    )
    try:
        with transaction.atomic():
            interaction = log_interaction(case, data, acting_user=sms.route.received_by)
    except CareDeskError as exc:  # a closed case, a service account without its role
        for item, _ in accepted:
            _finish(item, MediaStatus.FAILED, f"not filed: {exc.message}"[:300])
        return
    for item, _ in accepted:
        _finish(item, MediaStatus.STORED, "", interaction=interaction)


def _finish(item: SmsMedia, status: str, reason: str, **extra: object) -> None:
    SmsMedia.objects.system_scope().filter(pk=item.pk).update(
        status=status,
        reason=reason[:300],
        lease_until=None,
        content_type=item.content_type[:100],
        size=item.size,
        **extra,
    )


def _fetch_failed(sms: SmsMessage, item: SmsMedia, exc: FetchError) -> None:
    give_up = exc.permanent or item.attempts >= MAX_ATTEMPTS
    logger.warning("media %s of SMS %s: %s (final=%s)", item.index, sms.pk, exc, give_up)
    if not give_up:
        delay = timedelta(seconds=min(30 * 2 ** (item.attempts - 1), 3600))
        SmsMedia.objects.system_scope().filter(pk=item.pk).update(
            status=MediaStatus.PENDING,
            lease_until=None,
            next_attempt_at=timezone.now() + delay,
            reason=str(exc)[:300],
        )
        return
    status = MediaStatus.REJECTED if exc.permanent else MediaStatus.FAILED
    _finish(item, status, str(exc))
    assert sms.inbound is not None
    case = _case_of(sms.inbound)
    add_timeline_entry(case, TimelineKind.NOTE, _refused_line(item, str(exc)), data={"sms": sms.pk})


def sweep_media(limit: int = 200) -> int:
    """Fetch media whose job was lost, whose retry is due, or whose worker died."""
    ids = list(
        SmsMedia.objects.system_scope()
        .filter(
            _due(timezone.now()),
            attempts__lt=MAX_ATTEMPTS,
            message__inbound__status=InboxStatus.PROCESSED,
        )
        .values_list("message_id", flat=True)
        .distinct()[:limit]
    )
    stale = SmsMedia.objects.system_scope().filter(
        status=MediaStatus.FETCHING, lease_until__lt=timezone.now(), attempts__gte=MAX_ATTEMPTS
    )
    stale.update(status=MediaStatus.FAILED, lease_until=None, reason="worker died too often")
    return sum(fetch_media_now(pk) for pk in ids)
