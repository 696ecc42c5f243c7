"""The daily signal run over a program's complaints: a lot with a burst of distinct reporters
becomes one candidate signal with its cases linked; running again changes nothing; one person
calling five times is no signal; and a run of program A never touches program B."""

from __future__ import annotations

import pytest

from caredesk.audit.models import AuditEvent
from caredesk.insights.models import CandidateSignal, SignalSource, SignalStatus
from caredesk.insights.services.detection import detect_program_signals
from caredesk.insights.tasks import detect_signals_daily, detect_signals_for_program
from caredesk.insights.tests.signal_data import BURST_EVENT, BURST_LOT, plant

pytestmark = pytest.mark.django_db


def test_a_lot_burst_opens_one_candidate_and_a_second_run_changes_nothing(world):
    planted = plant(world.program_a)
    first = detect_program_signals(world.program_a, planted.last_day)
    assert first.trend_alerts == 1 and first.changed == 1
    signal = CandidateSignal.objects.get()
    assert (signal.product_name, signal.lot_number, signal.event) == (
        "Planted",
        BURST_LOT,
        BURST_EVENT,
    )
    assert signal.source == SignalSource.TREND and signal.status == SignalStatus.NEW
    assert signal.lot == planted.burst_lot and signal.product == planted.product
    assert signal.scores["trend"]["reports"] >= 3
    linked = set(signal.links.values_list("case_id", flat=True))
    assert linked and linked <= set(planted.burst_cases)

    events = AuditEvent.objects.count()
    again = detect_program_signals(world.program_a, planted.last_day)
    assert again.changed == 0
    assert CandidateSignal.objects.count() == 1
    assert AuditEvent.objects.count() == events, "an idempotent run writes no audit event"


def test_the_periodic_task_runs_every_program_and_stays_in_each(world):
    plant(world.program_a)
    detect_signals_daily.call_local()
    detect_signals_for_program.call_local(world.program_a.pk)
    assert CandidateSignal.objects.filter(program=world.program_b).count() == 0
    assert CandidateSignal.objects.filter(program=world.program_a).count() <= 1


def test_one_reporter_calling_again_and_again_is_not_a_signal(world):
    planted = plant(world.program_a)
    detect_program_signals(world.program_a, planted.last_day)
    assert not CandidateSignal.objects.filter(event="appearance").exists()


def test_a_refuted_candidate_is_not_reopened_by_the_alert_it_was_reviewed_on(world):
    planted = plant(world.program_a)
    detect_program_signals(world.program_a, planted.last_day)
    signal = CandidateSignal.objects.get()
    signal.status, signal.closed_at = SignalStatus.REFUTED, signal.opened_at
    signal.save()
    assert detect_program_signals(world.program_a, planted.last_day).changed == 0
    assert CandidateSignal.objects.count() == 1
