"""`GET /cases/{id}/email` answers the page envelope, newest first, the case's emails only."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Case
from caredesk.channels.email.models import EmailMessage
from caredesk.testing.api import ApiClient
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db


def email(case: Case, n: int) -> EmailMessage:
    return EmailMessage.objects.create(  # scoping: ok (test data)
        program_id=case.program_id,
        direction="outbound",
        message_id=f"<{case.pk}.{n}@caredesk.test>",
        case=case,
        to_address="ana@pharmacy.test",
        subject=f"Reply {n}",
        send_status="sent",
    )


def test_email_page_newest_first(world):
    sent = [email(world.case_a, n).pk for n in range(3)]
    email(world.case_b, 9)
    path = f"/cases/{world.case_a.pk}/email"
    assert_pages(ApiClient(world.auditor_a), path, sent[::-1])
    assert ApiClient(world.agent_b).get(path).status_code == 404
