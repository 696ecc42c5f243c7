"""A webhook that is not signed with the route's auth token is refused with 403 and stores
nothing: no signature, another token, a tampered parameter, a signature made for another URL,
or a route whose token is not configured. Each refusal is logged on the security log and
audited. A message to a number no program receives on answers 404, logged."""

from __future__ import annotations

import logging

import pytest

from caredesk.audit.models import AuditAction, AuditEvent
from caredesk.channels.models import InboundMessage
from caredesk.channels.sms.models import SmsMessage
from caredesk.channels.sms.tests.conftest import (
    STATUS_HOOK,
    TOKEN_B,
    message,
    post_signed,
    sign,
)
from caredesk.outreach.models import ConsentRecord

pytestmark = pytest.mark.django_db


def nothing_stored() -> bool:
    return not (
        InboundMessage.objects.system_scope().exists()
        or SmsMessage.objects.system_scope().exists()
        or ConsentRecord.objects.system_scope().exists()
    )


def refusals() -> list[AuditEvent]:
    return list(AuditEvent.objects.system_scope().filter(action=AuditAction.LOGIN_FAILED))


def test_an_unsigned_request_gets_403_is_logged_and_audited(routes, world, caplog):
    caplog.set_level(logging.WARNING, logger="caredesk.security")
    response = post_signed(message("STOP"), signature="")
    assert response.status_code == 403
    assert nothing_stored()
    assert "refused Twilio webhook" in caplog.text and "+12025550100" in caplog.text
    (event,) = refusals()
    assert event.program_id == world.program_a.pk
    assert event.model == "channels_sms.smsroute" and "Signature" in event.reason


def test_a_flood_of_forged_requests_is_logged_each_time_and_audited_once_a_minute(routes, caplog):
    caplog.set_level(logging.WARNING, logger="caredesk.security")
    for _ in range(5):
        assert post_signed(message("x"), signature="forged").status_code == 403
    assert caplog.text.count("refused Twilio webhook") == 5
    assert len(refusals()) == 1


@pytest.mark.parametrize(
    "how",
    ["another token", "tampered body", "tampered sender", "added parameter", "another url"],
)
def test_a_wrongly_signed_request_gets_403_and_stores_nothing(routes, how):
    params = message("Hello")
    signature = sign(params)
    if how == "another token":
        signature = sign(params, token=TOKEN_B)
    elif how == "tampered body":
        params["Body"] = "STOP"
    elif how == "tampered sender":
        params["From"] = "+12025550199"
    elif how == "added parameter":
        params["NumMedia"] = "1"
        params["MediaUrl0"] = "https://evil.example/x.png"
    else:
        signature = sign(params, path="/hooks/twilio/sms/?x=1")
    response = post_signed(params, signature=signature)
    assert response.status_code == 403, how
    assert nothing_stored()
    assert len(refusals()) == 1


def test_program_bs_token_cannot_sign_for_program_as_number(routes):
    """Each route checks its own token: B's valid token does not open A's number."""
    response = post_signed(message(), token=TOKEN_B)
    assert response.status_code == 403
    assert nothing_stored()


def test_a_route_without_a_configured_token_refuses_everything(routes, monkeypatch, caplog):
    caplog.set_level(logging.WARNING, logger="caredesk.security")
    monkeypatch.delenv("CAREDESK_TWILIO_TOKEN_RELIEF")
    assert post_signed(message()).status_code == 403
    assert post_signed(message(), token="").status_code == 403
    assert "no auth token configured" in caplog.text
    assert nothing_stored()


def test_a_token_variable_outside_the_twilio_prefix_is_never_read(routes, monkeypatch):
    monkeypatch.setenv("CAREDESK_SECRET_KEY", "s" * 40)
    routes.sms_a.auth_token_env = "CAREDESK_SECRET_KEY"
    routes.sms_a.save()
    assert post_signed(message(), token="s" * 40).status_code == 403


def test_a_number_no_program_receives_on_answers_404_and_is_logged(routes, caplog):
    caplog.set_level(logging.WARNING, logger="caredesk.security")
    response = post_signed(message(to="+12025550111"))
    assert response.status_code == 404
    assert "unknown number" in caplog.text and "+12025550111" in caplog.text
    assert nothing_stored()


def test_an_inactive_route_is_unknown(routes):
    routes.sms_a.active = False
    routes.sms_a.save()
    assert post_signed(message()).status_code == 404


def test_an_unsigned_status_callback_gets_403(routes):
    params = {"MessageSid": "SM1", "MessageStatus": "delivered", "From": "+12025550100"}
    assert post_signed(params, path=STATUS_HOOK, signature="").status_code == 403
    assert post_signed(params, path=STATUS_HOOK, signature=sign(params)).status_code == 403


def test_only_post_is_accepted(routes, client):
    assert client.get("/hooks/twilio/sms/").status_code == 405
