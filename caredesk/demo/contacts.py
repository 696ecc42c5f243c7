"""The story inside a planned demo case: its interactions, requests, timeline and clocks."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from caredesk.cases.models import (
    CaseRequest,
    CaseStatus,
    Direction,
    Interaction,
    RequestKind,
    SlaState,
    TimelineEntry,
)
from caredesk.demo.bulk import IdAllocator
from caredesk.demo.casegen import CasePlan, ProgramCases, first_channel, settle_sla
from caredesk.demo.texts import (
    CLOSE_REASONS,
    FOLLOW_UP_EN,
    FOLLOW_UP_ES,
    INTERNAL_NOTES,
    OUTBOUND_BY_TOPIC,
    OUTBOUND_EN,
    OUTBOUND_ES,
    REQUEST_KIND,
    RESOLUTIONS,
)
from caredesk.people.models import Channel

LIVE_CHANNELS = frozenset({Channel.PHONE, Channel.WEBCHAT, Channel.VIDEO, Channel.IN_PERSON})
RECORDED_CHANNELS = frozenset({Channel.PHONE, Channel.VIDEO})
PREFIX: dict[str, str] = {
    Channel.PHONE: "Caller states: ",
    Channel.VIDEO: "Video visit, patient states: ",
    Channel.IN_PERSON: "Walk-in at the patient support desk: ",
    Channel.FAX: "Fax received (2 pages): ",
    Channel.MAIL: "Letter received: ",
}
SECOND_REQUESTS = (
    (RequestKind.QUESTION, "Also asked for a coupon"),
    (RequestKind.QUESTION, "Also asked where to buy it nearby"),
    (RequestKind.ORDER, "Asked for a replacement to be shipped"),
    (RequestKind.COMPLAINT, "Also reported the package was damaged"),
)
CLOSED_STATUSES = frozenset({CaseStatus.RESOLVED, CaseStatus.CLOSED})


def _fields(plan: CasePlan, rng: random.Random) -> dict[str, str]:
    case = plan.case
    count = rng.choice((24, 30, 50, 60, 90, 100))
    return {
        "product": case.product.name if case.product else "the product",
        "strength": case.product.strength if case.product else "",
        "lot": case.lot.number if case.lot else "unknown",
        "first": plan.person.person.first_name,
        "order": f"W-{rng.randrange(100000, 999999)}",
        "n": str(count),
        "m": str(count - rng.randrange(1, 6)),
    }


def _times(plan: CasePlan, rng: random.Random, as_of: datetime, channel: str) -> list[datetime]:
    case = plan.case
    if case.status == CaseStatus.NEW:
        return [case.opened_at]
    count = rng.choices((1, 2, 3, 4), weights=(15, 45, 25, 15))[0]
    if case.status in CLOSED_STATUSES:
        count = max(count, 2)
    due = case.first_response_due or case.opened_at + timedelta(hours=8)
    sla_minutes = (due - case.opened_at).total_seconds() / 60
    if channel in LIVE_CHANNELS:
        reply = rng.uniform(1, 6)
    elif rng.random() < 0.85:
        reply = rng.uniform(0.05, 0.95) * sla_minutes
    else:
        reply = rng.uniform(1.05, 3.0) * sla_minutes
    times = [case.opened_at, case.opened_at + timedelta(minutes=reply)]
    while len(times) < count:
        times.append(times[-1] + timedelta(hours=rng.uniform(0.5, 36)))
    return [t for t in times[:count] if t <= as_of]


def _body(
    plan: CasePlan, rng: random.Random, index: int, direction: str, fields: dict[str, str]
) -> str:
    spanish = plan.lang == "es"
    if index == 0:
        text = plan.template.text.format(**fields)
        return PREFIX.get(plan.channel, "") + text
    if direction == Direction.OUTBOUND:
        return _reply(plan, rng, spanish).format(**fields)
    if direction == Direction.INTERNAL:
        return rng.choice(INTERNAL_NOTES).format(**fields)
    return rng.choice(FOLLOW_UP_ES if spanish else FOLLOW_UP_EN).format(**fields)


def _reply(plan: CasePlan, rng: random.Random, spanish: bool) -> str:
    if spanish:
        return rng.choice(OUTBOUND_ES)
    topical = OUTBOUND_BY_TOPIC.get(plan.template.topics[0])
    if topical and rng.random() < 0.7:
        return topical
    return rng.choice(OUTBOUND_EN[plan.case.case_type])


def _direction(index: int, rng: random.Random) -> str:
    if index % 2 == 1:
        return Direction.OUTBOUND
    if index == 0:
        return Direction.INBOUND
    return Direction.INTERNAL if rng.random() < 0.3 else Direction.INBOUND


def _reply_channel(channel: str, rng: random.Random) -> str:
    if channel == Channel.MAIL:
        return Channel.MAIL if rng.random() < 0.5 else Channel.PHONE
    return channel


def add_interactions(
    plan: CasePlan,
    pc: ProgramCases,
    rng: random.Random,
    ids: IdAllocator,
    channel: str | None,
) -> None:
    """Interactions alternate inbound and outbound (with the odd internal note)."""
    case = plan.case
    channel = channel or first_channel(rng, plan.person)
    plan.channel = channel
    fields = _fields(plan, rng)
    for index, at in enumerate(_times(plan, rng, pc.as_of, channel)):
        direction = _direction(index, rng)
        this_channel = channel if index == 0 else _reply_channel(channel, rng)
        inbound = direction == Direction.INBOUND
        delay = rng.uniform(0, 4) if this_channel in (Channel.EMAIL, Channel.FAX) else 0
        subject = ""
        if this_channel in (Channel.EMAIL, Channel.MAIL, Channel.FAX):
            subject = case.subject if index == 0 else f"Re: {case.subject}"
        author = None if inbound else (case.owner or rng.choice(pc.agents))
        plan.interactions.append(
            {
                "id": ids.next(Interaction),
                "program_id": case.program_id,
                "case_id": case.pk,
                "person_id": None if direction == Direction.INTERNAL else case.person_id,
                "channel": this_channel,
                "direction": direction,
                "occurred_at": at,
                "received_at": at + timedelta(minutes=delay),
                "subject": subject,
                "body": _body(plan, rng, index, direction, fields),
                "recording_ref": (
                    f"recordings/{at:%Y/%m}/{case.reference}-{index + 1}.wav"
                    if this_channel in RECORDED_CHANNELS and direction != Direction.INTERNAL
                    else ""
                ),
                "author_id": author.pk if author else None,
            }
        )
        if direction == Direction.OUTBOUND and case.first_responded_at is None:
            case.first_responded_at = at


def close_out(plan: CasePlan, pc: ProgramCases, rng: random.Random) -> None:
    """Resolution and closing times for finished cases, then the SLA state."""
    case = plan.case
    last = plan.interactions[-1]["occurred_at"]
    if case.status in CLOSED_STATUSES:
        resolved_at = min(last + timedelta(minutes=rng.uniform(2, 120)), pc.as_of)
        case.resolved_at = resolved_at
        if case.status == CaseStatus.CLOSED:
            case.closed_at = min(resolved_at + timedelta(hours=rng.uniform(1, 72)), pc.as_of)
            case.close_reason = rng.choice(CLOSE_REASONS)
    settle_sla(plan, pc)


def add_requests(plan: CasePlan, rng: random.Random, ids: IdAllocator) -> None:
    """The main request of the first contact, and now and then a second one in it."""
    case = plan.case
    asks = [(REQUEST_KIND[case.case_type], case.subject)]
    if rng.random() < 0.2:
        asks.append(rng.choice(SECOND_REQUESTS))
    resolved = case.resolved_at is not None
    for kind, summary in asks:
        plan.requests.append(
            {
                "id": ids.next(CaseRequest),
                "program_id": case.program_id,
                "case_id": case.pk,
                "interaction_id": plan.interactions[0]["id"],
                "kind": kind,
                "summary": summary,
                "resolved_at": case.resolved_at,
                "resolution": rng.choice(RESOLUTIONS) if resolved else "",
                "resolved_by_id": case.owner_id if resolved else None,
            }
        )


_LABELS = {
    (channel, direction): f"{Channel(channel).label} {Direction(direction).label.lower()}"
    for channel in Channel.values
    for direction in Direction.values
}


def add_timeline(plan: CasePlan, pc: ProgramCases, ids: IdAllocator) -> None:
    """The case's story as the services would have told it, entry by entry."""
    case = plan.case

    def entry(
        kind: str,
        at: datetime,
        summary: str,
        actor_id: int | None,
        link: int | None,
        data: dict[str, str] | None = None,
    ) -> None:
        plan.timeline.append(
            {
                "id": ids.next(TimelineEntry),
                "program_id": case.program_id,
                "case_id": case.pk,
                "at": at,
                "kind": kind,
                "summary": summary[:500],
                "actor_id": actor_id,
                "interaction_id": link,
                "data": data or {},
            }
        )

    entry("created", case.opened_at, f"Case opened: {case.subject}", case.created_by_id, None)
    for item in plan.interactions:
        label = _LABELS[(item["channel"], item["direction"])]
        summary = f"{label}: {item['body'][:200]}"
        entry("interaction", item["occurred_at"], summary, item["author_id"], item["id"])
    for request in plan.requests:
        entry("request", case.opened_at, f"Request: {request['summary']}", None, None)
    if case.owner is not None:
        at = case.first_responded_at or case.opened_at + timedelta(minutes=2)
        summary = f"Assigned to {case.owner.label} in {case.queue.name}"  # type: ignore[union-attr]
        entry("assignment", at, summary, case.owner_id, None)
    if plan.sla_clock is not None:
        _sla_entry(plan, pc, entry)
    _status_entries(plan, entry)


def _sla_entry(plan: CasePlan, pc: ProgramCases, entry: Callable[..., None]) -> None:
    """The entry the SLA sweep writes when a clock enters warning or breach (same wording)."""
    clock = plan.sla_clock
    assert clock is not None
    breached = plan.case.sla_state == SlaState.BREACHED
    local_due = clock.due.astimezone(pc.tz)
    verb = "breached" if breached else "nearly due"
    summary = f"{clock.label} SLA {verb}: due {local_due:%a %d %b %Y %H:%M %Z}"
    at = min(clock.entered_state_at or pc.as_of, pc.as_of)
    data = {"clock": clock.name, "due": clock.due.isoformat(), "noticed_at": at.isoformat()}
    entry("sla_breach" if breached else "sla_warning", at, summary, None, None, data)


def _status_entries(plan: CasePlan, entry: Callable[..., None]) -> None:
    case = plan.case
    if case.status in (CaseStatus.NEW, CaseStatus.OPEN):
        return
    for request in plan.requests:
        if request["resolved_at"] is not None:
            summary = f"Resolved: {request['summary']} — {request['resolution']}"
            entry("request", request["resolved_at"], summary, request["resolved_by_id"], None)
    label = CaseStatus(case.status).label
    at = case.closed_at or case.resolved_at or plan.interactions[-1]["occurred_at"]
    reason = f": {case.close_reason}" if case.close_reason else ""
    entry("status", at, f"Open → {label}{reason}", case.owner_id, None)
