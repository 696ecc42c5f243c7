"""The tampering alert email goes over real SMTP: the test starts an SMTP server (aiosmtpd) on
a free local port and points Django's smtp EmailBackend at it. A server that refuses the message
leaves the alert unsent with the error and the attempt recorded, and the minute sweep delivers
it once the server accepts. Marked slow (a real socket server); prints the measured delay from
the interaction being saved to the server accepting the email (never asserted: tests do not
assert timings)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from caredesk.cases.models import Interaction
from caredesk.quality.models import ContactKind, QualityContact, TamperingAlert
from caredesk.quality.tasks import resend_unsent_tampering_emails
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TAMPERED = "The seal of the Relievium bottle was cut and glued back; I think it was tampered with."


@pytest.fixture
def contacts(world: Any) -> Any:
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, email="qa@client.test")
    QualityContact.objects.create(  # scoping: ok (test data)
        program=world.program_a, kind=ContactKind.SECURITY, name="Sec desk", email="sec@client.test"
    )
    return quality


def save_tampering_contact(world: Any) -> Interaction:
    response = ApiClient(world.agent_a).post(
        f"/cases/{world.case_a.pk}/interactions",
        {"channel": "phone", "direction": "inbound", "body": TAMPERED},
    )
    assert response.status_code == 201, response.content
    return Interaction.objects.get(pk=response.json()["id"])  # scoping: ok (test)


def test_the_alert_email_is_accepted_by_a_real_smtp_server(world, contacts, smtp):
    interaction = save_tampering_contact(world)
    assert len(smtp.received) == 1  # accepted before the saving request returned
    got = smtp.received[0]
    assert got.mail_from == "caredesk@client.test"
    assert sorted(got.rcpt_tos) == ["qa@client.test", "sec@client.test"]
    assert world.case_a.reference in got.message["Subject"]
    assert "Suspected tampering" in got.message["Subject"]
    alert = TamperingAlert.objects.get(interaction=interaction)  # scoping: ok (test)
    assert alert.emailed_at is not None and alert.email_error == ""
    delay = (got.accepted_at - interaction.created_at).total_seconds()
    print(f"\nsaved → accepted by the SMTP server: {delay * 1000:.1f} ms")


def test_a_refused_email_is_recorded_and_the_sweep_delivers_it(world, contacts, smtp):
    smtp.refuse = 1
    interaction = save_tampering_contact(world)  # the save itself succeeds
    alert = TamperingAlert.objects.get(interaction=interaction)  # scoping: ok (test)
    assert smtp.received == []
    assert alert.emailed_at is None and alert.email_attempts == 1
    assert "554" in alert.email_error
    TamperingAlert.objects.filter(pk=alert.pk).update(  # scoping: ok (test)
        raised_at=timezone.now() - timedelta(minutes=1)
    )
    assert resend_unsent_tampering_emails.call_local() == 1
    assert len(smtp.received) == 1
    alert.refresh_from_db()
    assert alert.emailed_at is not None and alert.email_attempts == 2 and alert.email_error == ""
    assert resend_unsent_tampering_emails.call_local() == 0  # sent once, never twice
