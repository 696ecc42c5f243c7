"""A program's IVR as the calls use it: its script (saved, or the defaults), its menu options,
its opening hours (written by the admin, or read from the program's SLA business hours), and
the queues its callers wait in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from caredesk.cases.models import CaseType
from caredesk.channels.voice.models import IvrConfig, MenuAction, default_menu, menu_problems
from caredesk.channels.voice.services.twiml import Voice
from caredesk.routing.models import Queue, SlaPolicy
from caredesk.routing.services.business_time import NeverOpenError, next_opening
from caredesk.routing.services.queues import queue_for, safety_queue_for
from caredesk.routing.services.sla import SlaClockRules, calendar_for, rules_for
from caredesk.tenancy.models import Program

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# The SLA policy whose hours are the phone line's when the IVR does not say them itself.
HOURS_CASE_TYPE = CaseType.GENERAL_INQUIRY


@dataclass(frozen=True)
class MenuOption:
    key: str
    action: MenuAction
    prompt: str
    words: tuple[str, ...]


def ivr_config(program: Program) -> IvrConfig:
    """The program's IVR script; an unsaved default one when the admin has not set it up."""
    found = IvrConfig.objects.filter(program=program).select_related("general_queue").first()
    return found if found is not None else IvrConfig(program=program)


def voice_of(config: IvrConfig) -> Voice:
    return Voice(language=config.language or "en-US", voice=config.voice or "Polly.Joanna")


def menu_options(config: IvrConfig) -> list[MenuOption]:
    """The menu in the admin's order; a broken menu falls back to the default one (admin
    screens refuse one, but a call must never fail on it)."""
    menu = config.menu if not menu_problems(config.menu) else default_menu()
    return [
        MenuOption(
            key=str(item["key"]),
            action=MenuAction(item["action"]),
            prompt=str(item["prompt"]),
            words=tuple(str(w).lower() for w in item.get("words", [])),
        )
        for item in menu
    ]


def _policy(program: Program) -> SlaPolicy | None:
    return (
        SlaPolicy.objects.filter(program=program, case_type=HOURS_CASE_TYPE).first()
        or SlaPolicy.objects.filter(program=program).order_by("pk").first()
    )


def _day_ranges(weekdays: str) -> str:
    days = sorted({int(ch) for ch in weekdays if ch.isdigit() and int(ch) < 7})
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        DAY_NAMES[r[0]] if len(r) == 1 else f"{DAY_NAMES[r[0]]} to {DAY_NAMES[r[-1]]}" for r in runs
    ]
    return ", ".join(parts)


def _clock(value: time) -> str:
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes} {'a.m.' if value.hour < 12 else 'p.m.'}"


def hours_text(config: IvrConfig) -> str:
    """What the caller hears for "opening hours"."""
    if config.hours_text.strip():
        return config.hours_text.strip()
    policy = _policy(config.program)
    if policy is None:
        return "Please stay on the line or press 0 to talk to a specialist."
    if not policy.business_hours_only:
        return "Our specialists answer calls every day, around the clock."
    zone = config.program.time_zone.rsplit("/", 1)[-1].replace("_", " ")
    return (
        f"We are open {_day_ranges(policy.weekdays)}, from {_clock(policy.opens_at)} "
        f"to {_clock(policy.closes_at)}, {zone} time, except public holidays."
    )


def clock_rules(program: Program) -> SlaClockRules:
    """The phone line's business calendar (the hours policy's), for callbacks' due times."""
    return rules_for(program, _policy(program))


def is_open(program: Program, at: datetime) -> bool:
    """Whether specialists are at work now (no policy, or a 24/7 one: always)."""
    policy = _policy(program)
    calendar = calendar_for(program, policy) if policy is not None else None
    if calendar is None:
        return True
    try:
        return next_opening(calendar, at) <= at
    except NeverOpenError:
        return False


def general_queue(config: IvrConfig) -> Queue | None:
    """Where "talk to a specialist" waits: the configured queue, else the program's default."""
    if config.general_queue_id and config.general_queue is not None:
        return config.general_queue
    return queue_for(config.program, HOURS_CASE_TYPE)


def safety_queue(config: IvrConfig) -> Queue | None:
    """The program's configured safety priority queue; the general queue when it has none."""
    return safety_queue_for(config.program) or general_queue(config)


def twilio_queue_name(queue: Queue) -> str:
    """The Twilio queue a routing queue's callers wait in (friendly names: at most 64 chars)."""
    return f"{queue.program_id}-{queue.code}"[:64]


def zone_of(program: Program) -> ZoneInfo:
    return ZoneInfo(program.time_zone)
