"""`GET /persons/{id}/consents` answers the page envelope, newest first, with the person's
ledger rows only (another program's row for the same number never shows)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caredesk.outreach.models import ConsentRecord
from caredesk.outreach.services import record_consent
from caredesk.tenancy.models import Program
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db
PHONE = "+12025550143"


def record(program: Program, user: Any, purpose: str, minutes: int) -> ConsentRecord:
    return record_consent(
        program,
        channel="sms",
        address=PHONE,
        purpose=purpose,
        granted=True,
        source="agent",
        acting_user=user,
        recorded_at=timezone.now() - timedelta(minutes=minutes),
    )


def test_consents_page_newest_first(world):
    rows = [
        record(world.program_a, world.agent_a, p, m)
        for p, m in [("all", 5), ("adherence", 1), ("surveys", 3)]
    ]
    record(world.program_b, world.agent_b, "all", 0)
    path = f"/persons/{world.pharmacist_a.pk}/consents"
    newest_first = [rows[1].pk, rows[2].pk, rows[0].pk]
    assert_pages(ApiClient(world.agent_a), path, newest_first)
    assert ApiClient(world.agent_b).get(path).status_code == 404
