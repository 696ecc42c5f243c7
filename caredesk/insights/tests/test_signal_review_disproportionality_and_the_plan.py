"""Disproportionality over a program's confirmed safety cases opens a candidate for a product
x event reported far more than expected (its scores and cases kept), once; and the program's
signal plan has defaults that only a program admin changes, audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.errors import Forbidden
from caredesk.insights.models import CandidateSignal, SignalSource
from caredesk.insights.services.detection import detect_program_signals
from caredesk.insights.services.plans import plan_for, update_plan
from caredesk.safety.models import SafetyCase
from caredesk.safety.models_detail import DrugRole, SafetyProduct, SafetyReaction
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def _report(program: Any, product: str, event: str) -> int:
    case: Any = f.CaseFactory(program=program, person=f.PersonFactory(program=program))
    safety = SafetyCase.objects.create(
        program=program,
        case=case,
        forward_due=NOW,
        created_at=NOW,
        day_zero=NOW,
        first_received_at=NOW,
        jurisdiction="US",
    )
    SafetyProduct.objects.create(
        safety_case=safety, role=DrugRole.SUSPECT, name=product, created_at=NOW
    )
    SafetyReaction.objects.create(
        safety_case=safety, verbatim=event, coded_term=event, created_at=NOW
    )
    return case.pk


def test_a_disproportionate_pair_opens_one_candidate_with_its_scores(world):
    rash = [_report(world.program_a, "Xylomab", "Rash") for _ in range(6)]
    for i in range(30):
        _report(
            world.program_a, ["Yeloxin", "Zentra", "Wavit"][i % 3], ["Headache", "Nausea"][i % 2]
        )
    for _ in range(4):
        _report(world.program_a, "Xylomab", "Headache")
    _report(world.program_a, "Yeloxin", "Rash")
    summary = detect_program_signals(world.program_a)
    assert summary.pairs_over_threshold >= 1
    signal = CandidateSignal.objects.get(source=SignalSource.DISPROPORTIONALITY)
    assert (signal.product_name, signal.event, signal.lot_number) == ("Xylomab", "Rash", "")
    scores = signal.scores["disproportionality"]
    assert scores["N"] == 6 and scores["PRR"] > 2 and scores["ROR_LO"] > 1
    assert {"EBGM", "EB05", "EB95", "IC", "E"} <= set(scores)
    assert sorted(signal.links.values_list("case_id", flat=True)) == sorted(rash)
    assert detect_program_signals(world.program_a).changed == 0
    assert CandidateSignal.objects.count() == 1


def test_the_plan_has_defaults_and_only_a_program_admin_sets_it(world):
    plan = plan_for(world.program_a)
    assert plan.pk is None and plan.min_reporters == 3 and plan.observation_days == 548
    with pytest.raises(Forbidden):
        update_plan(world.program_a, {"min_reporters": 4}, acting_user=world.safety_a)
    saved = update_plan(
        world.program_a, {"min_reporters": 4, "eb05_threshold": 1.5}, acting_user=world.admin_a
    )
    assert plan_for(world.program_a).pk == saved.pk
    event = AuditEvent.objects.get(model="insights.signalplan")
    assert event.changes["min_reporters"] == [3, 4]
