"""Saving a contact that suspects tampering, through the API or the case screen, has told the
program's quality and security contacts by the time the request returns: the in-app notices
exist and the email went out through Django's email backend from the job enqueued on commit
(the task queue runs jobs at once in tests). These tests commit for real, so the on-commit
hook fires exactly as in production."""

from __future__ import annotations

import pytest

from caredesk.quality.models import ContactKind, Notification, QualityContact, TamperingAlert
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db(transaction=True)

TAMPERED = (
    "Caller says the safety seal on her Relievium bottle was broken and the tablets look "
    "different; she thinks someone tampered with it."
)


@pytest.fixture
def contacts(world):
    quality = f.member(world.program_a, Role.QUALITY_SPECIALIST, email="qa@client.test")
    QualityContact.objects.create(  # scoping: ok (test data)
        program=world.program_a, kind=ContactKind.SECURITY, name="Sec desk", email="sec@client.test"
    )
    return quality


def assert_alerted(world, contacts, mailoutbox):
    alert = TamperingAlert.objects.get(case=world.case_a)  # scoping: ok (test)
    notices = Notification.objects.filter(user=contacts, alert=alert)  # scoping: ok (test)
    assert notices.count() == 1
    assert world.case_a.reference in notices.get().text
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == ["qa@client.test", "sec@client.test"]
    assert world.case_a.reference in mailoutbox[0].subject
    alert.refresh_from_db()
    assert alert.emailed_at is not None and alert.email_attempts == 1


def test_an_api_save_returns_with_the_notice_and_the_email_out(world, contacts, mailoutbox):
    response = ApiClient(world.agent_a).post(
        f"/cases/{world.case_a.pk}/interactions",
        {"channel": "phone", "direction": "inbound", "body": TAMPERED},
    )
    assert response.status_code == 201, response.content
    assert_alerted(world, contacts, mailoutbox)


def test_a_save_on_the_case_screen_does_the_same(world, contacts, mailoutbox, client):
    client.force_login(world.agent_a)
    response = client.post(
        f"/cases/{world.case_a.pk}/interactions/",
        {"channel": "email", "direction": "inbound", "body": TAMPERED},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert_alerted(world, contacts, mailoutbox)


def test_the_quality_contact_sees_the_notice_in_app_and_marks_it_read(
    world, contacts, mailoutbox, client
):
    ApiClient(world.agent_a).post(
        f"/cases/{world.case_a.pk}/interactions",
        {"channel": "phone", "direction": "inbound", "body": TAMPERED},
    )
    notice = Notification.objects.get(user=contacts)  # scoping: ok (test)
    api = ApiClient(contacts)
    listed = api.get("/notifications", unread=True).json()
    assert [n["id"] for n in listed["items"]] == [notice.pk]
    assert ApiClient(world.agent_a).post(f"/notifications/{notice.pk}/read").status_code == 404
    assert api.post(f"/notifications/{notice.pk}/read").json()["read_at"] is not None
    assert api.get("/notifications", unread=True).json()["count"] == 0
    login_with_mfa(client, contacts)  # quality specialists sign in with a second factor
    page = client.get("/quality/notifications/").content.decode()
    assert world.case_a.reference in page
    alerts = client.get("/quality/alerts/").content.decode()
    assert world.case_a.reference in alerts and "locked" in alerts
