"""Signal-review records of one program for the route-walking tests: an open candidate signal
with one linked case, keyed by the path parameter name of the signals routes (created
directly, without the services, so each side is independent of the other program)."""

from __future__ import annotations

from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.insights.models import CandidateSignal, SignalCase, SignalSource
from caredesk.tenancy.models import Program


def signals_side(program: Program, case: Case | None = None) -> dict[str, int]:
    now = timezone.now()
    signal = CandidateSignal.objects.create(  # scoping: ok (test data)
        program=program,
        source=SignalSource.AGENT,
        product_name=f"{program.code} product",
        event="headache",
        first_alert_date=now.date(),
        method="agent-flag",
        scores={"agent": {"flags": 1}},
        opened_at=now,
        updated_at=now,
    )
    if case is not None:
        SignalCase.objects.create(  # scoping: ok (test data)
            program=program,
            signal=signal,
            case=case,
            source=SignalSource.AGENT,
            note="again",
            linked_at=now,
        )
    return {"signal_id": signal.pk}
