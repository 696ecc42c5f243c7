"""Voice objects for the route-walking tests: one due callback of a program's case."""

from __future__ import annotations

from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.channels.voice.models import Callback
from caredesk.testing import factories as f


def callback_side(case: Case) -> dict[str, int]:
    now = timezone.now()
    callback = Callback.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        person=case.person,
        phone="+12025550100",
        queue=f.QueueFactory(program=case.program),
        requested_at=now,
        due_at=now,
    )
    return {"callback_id": callback.pk}
