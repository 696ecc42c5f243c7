"""One program's channel objects for the route-walking tests (an inbox row, a letter, a video
call), keyed by their path parameter names (created directly, without the services, so each
side stands on its own)."""

from __future__ import annotations

from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.channels.documents.models import OutboundDocument, VideoCall
from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.voice_objects import callback_side
from caredesk.testing.webchat_objects import chat_side


def channels_side(case: Case) -> dict[str, int]:
    now = timezone.now()
    row = InboundMessage.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        channel="sms",
        provider="api",
        provider_message_id=f"walk-{case.pk}",
        from_phone="+12025550100",
        received_at=now,
        body="A message the route walker must not reach from another program",
        received_by=f.member(case.program, Role.CARE_SPECIALIST),
        next_attempt_at=now,
        status=InboxStatus.FAILED,
    )
    return {
        "inbound_id": row.pk,
        **documents_side(case),
        **callback_side(case),
        **chat_side(case.program),
    }


def documents_side(case: Case) -> dict[str, int]:
    agent = f.member(case.program, Role.CARE_SPECIALIST)
    letter = OutboundDocument.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=f.InteractionFactory(case=case),
        channel="mail",
        recipient="1 Walk St",
        status="to_post",
        created_by=agent,
    )
    call = VideoCall.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=f.InteractionFactory(case=case),
        starts_at=timezone.now(),
        join_url="https://meet.example/walk",
        invited_by="email",
        created_by=agent,
    )
    return {"letter_id": letter.pk, "call_id": call.pk}
