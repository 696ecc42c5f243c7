"""The books of a channels burst: which inbox rows it made, how long each took from receipt to
routed, and whether any accepted message was lost or stored twice."""

from __future__ import annotations

import time
from typing import Any

from bench.stats import latency_summary


def _rows(tag: str) -> Any:
    from django.db.models import Q

    from caredesk.channels.models import InboundMessage

    mine = (
        Q(provider_message_id__startswith=f"SM{tag}")
        | Q(provider_message_id__startswith=f"CA{tag}")
        | Q(provider_message_id__startswith=f"<{tag}-")
    )
    return InboundMessage.objects.system_scope().filter(mine)


def drain_open(tag: str, timeout: float) -> float:
    """Wait until no row of the burst is pending or processing; the seconds it took."""
    from django.db import connections

    from caredesk.channels.models import InboxStatus

    started = time.monotonic()
    open_states = [InboxStatus.PENDING, InboxStatus.PROCESSING]
    while _rows(tag).filter(status__in=open_states).exists():
        if time.monotonic() - started > timeout:
            break
        connections.close_all()
        time.sleep(0.5)
    return round(time.monotonic() - started, 1)


def books(tag: str, accepted: int, voice_number: str = "") -> dict[str, Any]:
    """Counts by status and channel, lost and duplicated, and receipt-to-routed percentiles.

    Interactions are found by the burst's text, and a call's (which has no caller text) by the
    number the phase's calls were made to."""
    from django.db.models import Count, Q

    from caredesk.cases.models import Interaction
    from caredesk.channels.models import InboxStatus

    rows = _rows(tag)
    by_status = dict(rows.values_list("status").annotate(n=Count("id")))
    by_channel = dict(rows.values_list("channel").annotate(n=Count("id")))
    processed = rows.filter(status=InboxStatus.PROCESSED)
    seconds = [
        (done - received).total_seconds()
        for received, done in processed.values_list("received_at", "processed_at")
        if done is not None
    ]
    routed = latency_summary(seconds) if seconds else {}
    marker = Q(body__startswith=f"Benchmark inbound {tag}-")
    if voice_number:
        marker |= Q(body__startswith=f"Phone call to {voice_number} ")
    marked = Interaction.objects.system_scope().filter(marker)
    linked = processed.exclude(interaction=None).values("interaction").distinct().count()
    return {
        "accepted": accepted,
        "rows": rows.count(),
        "lost": max(accepted - rows.count(), 0),
        "duplicated": marked.count() - linked,
        "by_status": by_status,
        "by_channel": by_channel,
        "routed_p50_ms": routed.get("p50_ms"),
        "routed_p99_ms": routed.get("p99_ms"),
    }
