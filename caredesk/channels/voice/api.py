"""REST API of the voice channel: a program's IVR script as the calls use it, its callbacks and
the callback worklist (claim, then reached / no answer), and a case's calls with their voicemail
recordings. Scoped: another program's program, case or callback answers 404; every role of the
program may read; only the program's agents with the queue's skills call back."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema

from caredesk.api_support.auth import acting_user
from caredesk.api_support.pagination import Page, PageParams, paginate
from caredesk.api_support.router import ApiRouter
from caredesk.api_support.types import ObjectId
from caredesk.cases.services.access import access_case
from caredesk.channels.voice.models import (
    Callback,
    CallbackStatus,
    CallRecord,
    MenuAction,
    VoiceRoute,
)
from caredesk.channels.voice.services.callbacks import (
    MAX_NOTE,
    access_callback,
    callback_worklist,
    claim_callback,
    record_callback_outcome,
)
from caredesk.channels.voice.services.config import (
    general_queue,
    hours_text,
    ivr_config,
    menu_options,
    safety_queue,
)
from caredesk.channels.voice.services.ivr_setup import check_can_configure_ivr, update_ivr
from caredesk.tenancy.models import Program
from caredesk.tenancy.services import access_program

router = ApiRouter(tags=["voice"])


class MenuOptionOut(Schema):
    key: str
    action: str
    prompt: str
    words: list[str]


class IvrOut(Schema):
    program_id: int
    configured: bool
    greeting: str
    consent_notice: str
    hours: str
    language: str
    voice: str
    menu: list[MenuOptionOut]
    recalled_lots: list[str]
    general_queue_id: int | None
    safety_queue_id: int | None
    average_handle_minutes: int
    offer_callback: bool
    numbers: list[str]


class MenuOptionIn(Schema):
    key: str = Field(max_length=1)
    action: MenuAction
    prompt: str = Field(min_length=1, max_length=500)
    words: list[str] = Field(default_factory=list, max_length=30)


class IvrIn(Schema):
    """The fields to change (others keep their value)."""

    greeting: str | None = Field(None, max_length=1000)
    consent_notice: str | None = Field(None, max_length=1000)
    hours_text: str | None = Field(None, max_length=1000)
    language: str | None = Field(None, max_length=12)
    voice: str | None = Field(None, max_length=40)
    menu: list[MenuOptionIn] | None = Field(None, max_length=10)
    recalled_lots: list[str] | None = Field(None, max_length=500)
    recall_next_steps: str | None = Field(None, max_length=1000)
    not_recalled_text: str | None = Field(None, max_length=1000)
    general_queue_id: int | None = None
    average_handle_minutes: int | None = Field(None, ge=1, le=120)
    offer_callback: bool | None = None
    reason: str = Field("", max_length=500)


class CallbackOut(Schema):
    id: int
    program_id: int
    case_id: int | None
    person_id: int | None
    phone: str
    queue_id: int
    requested_at: datetime
    due_at: datetime
    status: str
    claimed_by_id: int | None
    claimed_at: datetime | None
    attempts: int
    last_attempt_at: datetime | None
    interaction_id: int | None


class CallbackFilters(PageParams):
    status: CallbackStatus | None = None


class WorklistFilters(PageParams):
    program_id: int | None = None
    queue_id: int | None = None
    due_only: bool = True


class OutcomeIn(Schema):
    outcome: Literal["reached", "no_answer"]
    note: str = Field("", max_length=MAX_NOTE)


class RecordingOut(Schema):
    recording_sid: str
    recording_url: str
    duration_seconds: int
    status: str
    interaction_id: int | None


class CallOut(Schema):
    id: int
    call_sid: str
    from_phone: str
    status: str
    started_at: datetime
    ended_at: datetime | None
    consent_notice_at: datetime | None
    intent: str
    queue_id: int | None
    queue_state: str
    steps: list[dict[str, Any]]
    recordings: list[RecordingOut]


def _ivr_out(user: Any, program: Program) -> dict[str, Any]:
    config = ivr_config(program)
    general, safety = general_queue(config), safety_queue(config)
    numbers = VoiceRoute.objects.visible_to(user).filter(program=program, active=True)
    return {
        "program_id": program.pk,
        "configured": config.pk is not None,
        **{
            name: getattr(config, name)
            for name in ("greeting", "consent_notice", "language", "voice")
        },
        "hours": hours_text(config),
        "menu": [
            {**vars(o), "action": o.action.value, "words": list(o.words)}
            for o in menu_options(config)
        ],
        "recalled_lots": [str(n) for n in config.recalled_lots or []],
        "general_queue_id": general.pk if general else None,
        "safety_queue_id": safety.pk if safety else None,
        "average_handle_minutes": config.average_handle_minutes,
        "offer_callback": config.offer_callback,
        "numbers": sorted(numbers.values_list("phone_number", flat=True)),
    }


@router.get("/programs/{program_id}/ivr", response=IvrOut)
def get_ivr(request: HttpRequest, program_id: ObjectId) -> dict[str, Any]:
    """The program's IVR as callers hear it (the defaults until an admin sets it up)."""
    user = acting_user(request)
    return _ivr_out(user, access_program(user, program_id))


@router.patch("/programs/{program_id}/ivr", response=IvrOut)
def patch_ivr(request: HttpRequest, program_id: ObjectId, payload: IvrIn) -> dict[str, Any]:
    """Change the program's IVR script (program admins only): the fields given; the menu is
    validated as calls read it (422 when the IVR could not read it). Audited."""
    user = acting_user(request)
    program = access_program(user, program_id)
    check_can_configure_ivr(user, program)
    # null leaves a field as it is (only the queue may be cleared: back to the default queue)
    changes = {
        k: v
        for k, v in payload.model_dump(exclude_unset=True).items()
        if v is not None or k == "general_queue_id"
    }
    reason = changes.pop("reason", "")
    if "menu" in changes:
        changes["menu"] = [item.model_dump() for item in payload.menu or []]
    update_ivr(program, changes, acting_user=user, reason=reason)
    return _ivr_out(user, program)


@router.get("/programs/{program_id}/callbacks", response=Page[CallbackOut])
def list_callbacks(
    request: HttpRequest, program_id: ObjectId, filters: Query[CallbackFilters]
) -> dict[str, Any]:
    """Callbacks callers asked for while waiting, the earliest due first."""
    user = acting_user(request)
    program = access_program(user, program_id)
    rows: QuerySet[Callback] = Callback.objects.visible_to(user).filter(program=program)
    if filters.status:
        rows = rows.filter(status=filters.status)
    return paginate(rows.order_by("due_at", "pk"), filters)


@router.get("/cases/{case_id}/calls", response=Page[CallOut])
def case_calls(request: HttpRequest, case_id: ObjectId, page: Query[PageParams]) -> dict[str, Any]:
    """The case's phone calls, newest first: what the caller chose, the wait, and voicemail
    recordings."""
    user = acting_user(request)
    case = access_case(user, case_id, for_display=False)
    calls = CallRecord.objects.visible_to(user).filter(case=case).prefetch_related("recordings")
    return paginate(calls.order_by("-started_at", "-pk"), page)


@router.get("/callbacks", response=Page[CallbackOut])
def worklist(request: HttpRequest, filters: Query[WorklistFilters]) -> dict[str, Any]:
    """Scheduled callbacks of the caller's programs, the earliest due first (due ones only
    unless due_only=false); narrowed to one program or queue."""
    rows = callback_worklist(
        acting_user(request),
        program_id=filters.program_id,
        queue_id=filters.queue_id,
        due_only=filters.due_only,
    )
    return paginate(rows, filters)


@router.post("/callbacks/{callback_id}/claim", response=CallbackOut)
def claim(request: HttpRequest, callback_id: ObjectId) -> Callback:
    """Take a callback (409 when another agent has it or it is no longer scheduled)."""
    user = acting_user(request)
    return claim_callback(access_callback(user, callback_id), acting_user=user)


@router.post("/callbacks/{callback_id}/outcome", response=CallbackOut)
def outcome(request: HttpRequest, callback_id: ObjectId, payload: OutcomeIn) -> Callback:
    """Reached (done, logged on the case) or no answer (retried later, failed after three)."""
    user = acting_user(request)
    callback = access_callback(user, callback_id)
    return record_callback_outcome(callback, payload.outcome, payload.note, acting_user=user)
