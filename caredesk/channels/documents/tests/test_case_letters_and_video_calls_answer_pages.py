"""`GET /cases/{id}/letters` (newest first) and `/cases/{id}/video-calls` (earliest start
first) answer the page envelope with the case's rows only."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caredesk.cases.models import Case
from caredesk.channels.documents.models import OutboundDocument, VideoCall
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db


def letter(case: Case) -> OutboundDocument:
    interaction: Any = f.InteractionFactory(case=case)
    author: Any = f.UserFactory()
    return OutboundDocument.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        channel="mail",
        recipient="1 Main St",
        status="to_post",
        created_by=author,
    )


def video_call(case: Case, hours: int) -> VideoCall:
    interaction: Any = f.InteractionFactory(case=case)
    author: Any = f.UserFactory()
    return VideoCall.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        case=case,
        interaction=interaction,
        starts_at=timezone.now() + timedelta(hours=hours),
        join_url="https://meet.example/x",
        invited_by="email",
        created_by=author,
    )


def test_letters_page_newest_first(world):
    written = [letter(world.case_a).pk for _ in range(3)]
    letter(world.case_b)
    path = f"/cases/{world.case_a.pk}/letters"
    assert_pages(ApiClient(world.auditor_a), path, written[::-1])
    assert ApiClient(world.agent_b).get(path).status_code == 404


def test_video_calls_page_by_start_time(world):
    late, early, same = (video_call(world.case_a, h) for h in (5, 1, 5))
    video_call(world.case_b, 0)
    path = f"/cases/{world.case_a.pk}/video-calls"
    assert_pages(ApiClient(world.agent_a), path, [early.pk, late.pk, same.pk])
    assert ApiClient(world.agent_b).get(path).status_code == 404
