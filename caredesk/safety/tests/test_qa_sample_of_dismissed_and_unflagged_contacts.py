"""A seeded, reproducible sample of each program-week's dismissed flags and unflagged contacts
goes to the safety specialists; a reviewer who disagrees adds the missed finding."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.errors import Forbidden, InvalidInput
from caredesk.safety.models import FindingKind, FindingSource, SafetyCase
from caredesk.safety.models_detail import QaKind, QaReview, QaStatus
from caredesk.safety.services.findings import dismiss_finding
from caredesk.safety.services.qa_sample import (
    SampleSize,
    review_sample,
    sample_previous_week,
    sample_week,
    week_start,
)
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db

AE = "Caller reports dizziness and nausea after taking Relievium."


def log(world, body):
    data = InteractionInput(channel="phone", direction="inbound", body=body)
    return log_interaction(world.case_a, data, acting_user=world.agent_a)


def week_of_data(world, dismissed=4, quiet=12):
    for n in range(dismissed):
        finding = log(world, f"{AE} Call {n}.").findings.get(kind=FindingKind.ADVERSE_EVENT)
        dismiss_finding(finding, reason="not a person", acting_user=world.agent_a)
    for n in range(quiet):
        log(world, f"Caller asked where to buy the bottle, call {n}.")
    return this_week(world)


def this_week(world):
    """Monday of the current week in program A's time zone (the sample's calendar)."""
    return week_start(timezone.now().astimezone(ZoneInfo(world.program_a.time_zone)).date())


def drawn(program):
    return sorted(
        (r.kind, r.interaction_id)
        for r in QaReview.objects.filter(program=program)  # scoping: ok (test)
    )


def test_the_sample_holds_dismissed_flags_and_unflagged_contacts(world):
    monday = week_of_data(world)
    small = SampleSize(rate=0.1, minimum=2)
    reviews = sample_week(world.program_a, monday, dismissed=small, unflagged=small)
    kinds = [r.kind for r in reviews]
    assert kinds.count(QaKind.DISMISSED) == 2 and kinds.count(QaKind.UNFLAGGED) == 2
    assert all(r.finding is not None for r in reviews if r.kind == QaKind.DISMISSED)
    assert all(not r.interaction.findings.exists() for r in reviews if r.kind == "unflagged")


def test_the_draw_is_reproducible_and_made_once_per_week(world):
    monday = week_of_data(world)
    small = SampleSize(rate=0.1, minimum=3)
    sample_week(world.program_a, monday, dismissed=small, unflagged=small)
    first = drawn(world.program_a)
    sample_week(world.program_a, monday, dismissed=small, unflagged=small)
    assert drawn(world.program_a) == first  # drawn once
    QaReview.objects.all().delete()  # scoping: ok (test)
    sample_week(world.program_a, monday, dismissed=small, unflagged=small)
    assert drawn(world.program_a) == first  # same seed, same data: same sample


def test_another_week_or_program_is_not_sampled(world):
    monday = week_of_data(world, dismissed=1, quiet=1)
    assert sample_week(world.program_a, monday - timedelta(days=7)) == []
    assert sample_week(world.program_b, monday) == []


def test_the_weekly_job_samples_last_week(world):
    monday = week_of_data(world, dismissed=1, quiet=1)
    assert sample_previous_week(timezone.now() + timedelta(days=7)) == 2
    assert {r.week for r in QaReview.objects.all()} == {monday}  # scoping: ok (test)


def test_a_reviewer_who_disagrees_adds_the_missed_finding(world):
    monday = week_of_data(world, dismissed=1, quiet=0)
    review = sample_week(world.program_a, monday)[0]
    with pytest.raises(Forbidden):
        review_sample(review, agree=False, note="AE", acting_user=world.agent_a)
    with pytest.raises(InvalidInput):
        review_sample(review, agree=False, note=" ", acting_user=world.safety_a)
    review_sample(review, agree=False, note="dizziness is an AE", acting_user=world.safety_a)
    review.refresh_from_db()
    assert review.status == QaStatus.MISSED
    assert review.added_finding.source == FindingSource.AGENT
    assert SafetyCase.objects.filter(case=world.case_a).exists()  # scoping: ok (test)


def test_the_qa_page_lists_pending_reviews_and_records_a_verdict(world, client):
    monday = week_of_data(world, dismissed=1, quiet=1)
    login_with_mfa(client, world.safety_a)
    response = client.post("/safety/qa/", {"program": world.program_a.pk, "week": monday})
    assert response.status_code == 302
    page = client.get("/safety/qa/").content.decode()
    review = QaReview.objects.filter(kind=QaKind.UNFLAGGED).get()  # scoping: ok (test)
    assert f"/safety/qa/{review.pk}/" in page and "where to buy" in page
    response = client.post(f"/safety/qa/{review.pk}/", {"verdict": "agree"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == QaStatus.AGREED and review.reviewed_by == world.safety_a


def test_an_agent_cannot_draw_a_sample(world, client):
    client.force_login(world.agent_a)
    week = this_week(world)
    response = client.post("/safety/qa/", {"program": world.program_a.pk, "week": week})
    assert response.status_code == 403
