"""WhatsApp's 24-hour customer-service window: free-form text goes out only within 24 hours of
the person's last WhatsApp message; outside it the API answers 409 with a clear message and
writes nothing, and an approved template (never a pending one) goes out instead, its variables
filled, the rendered text logged on the case and the template's id handed to the provider
(Twilio's ContentSid/ContentVariables, checked against a local HTTP server). A queued free-form
message whose window closes before delivery fails where a person sees it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command

from caredesk.cases.models import Interaction
from caredesk.channels.models import InboundMessage
from caredesk.channels.sms.models import SmsMessage, SmsStatus, WhatsAppTemplate
from caredesk.channels.sms.services.providers import Template, TwilioProvider
from caredesk.channels.sms.services.sending import deliver_now
from caredesk.channels.sms.services.whatsapp import WINDOW_CLOSED
from caredesk.channels.sms.tasks import sync_whatsapp_templates
from caredesk.channels.sms.tests.conftest import (
    PHARMACIST,
    TOKEN_A,
    WHATSAPP_A,
    message,
    post_signed,
)
from caredesk.channels.sms.tests.test_twilio_adapter_speaks_the_rest_api_to_a_local_server import (
    twilio,
)
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
__all__ = ["twilio"]
CONTENT_SID = "HX" + "0" * 31 + "1"


@pytest.fixture
def wrote(routes, world, django_capture_on_commit_callbacks):
    """The pharmacist wrote on WhatsApp (filed on their case)."""
    params = message(
        "Hola", sid="SMwa1", sender=f"whatsapp:{PHARMACIST}", to=f"whatsapp:{WHATSAPP_A}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert post_signed(params).status_code == 200
    return InboundMessage.objects.system_scope().get(provider_message_id="SMwa1")


def age(row, hours):
    InboundMessage.objects.system_scope().filter(pk=row.pk).update(
        received_at=row.received_at - timedelta(hours=hours)
    )


def send(world, capture, **body):
    with capture(execute=True):
        return ApiClient(world.agent_a).post(
            f"/cases/{world.case_a.pk}/sms", {"channel": "whatsapp", **body}
        )


def lines(outbox):
    return [json.loads(x) for x in outbox.read_text().splitlines()] if outbox.exists() else []


def template(world, status="approved"):
    call_command(
        "sms",
        "add-template",
        "--program", world.program_a.code,
        "--name", "case_update",
        "--content-sid", CONTENT_SID,
        "--body", "Hello {{1}}, there is news on your case {{2}}. Reply to talk to us.",
        "--status", status,
    )  # fmt: skip


def test_free_text_goes_out_inside_the_window(
    wrote, world, outbox, django_capture_on_commit_callbacks
):
    response = send(world, django_capture_on_commit_callbacks, body="Here is the answer.")
    assert response.status_code == 201, response.content
    assert lines(outbox)[-1]["body"] == "Here is the answer."


def test_outside_the_window_free_text_is_refused_and_nothing_written(
    wrote, world, outbox, django_capture_on_commit_callbacks
):
    age(wrote, 25)
    before = Interaction.objects.filter(case=world.case_a).count()
    response = send(world, django_capture_on_commit_callbacks, body="Here is the answer.")
    assert response.status_code == 409
    assert "24-hour" in response.json()["message"]
    assert "template" in response.json()["errors"]
    assert Interaction.objects.filter(case=world.case_a).count() == before
    assert not SmsMessage.objects.system_scope().filter(kind="reply").exists()


def test_an_approved_template_goes_out_at_any_time(
    wrote, world, outbox, django_capture_on_commit_callbacks
):
    age(wrote, 72)
    template(world)
    capture = django_capture_on_commit_callbacks
    response = send(world, capture, template="case_update", variables=["Ana", "CD-T000000"])
    assert response.status_code == 201, response.content
    sms = SmsMessage.objects.system_scope().get(pk=response.json()["id"])
    assert sms.template is not None and sms.status == SmsStatus.ACCEPTED
    assert sms.interaction is not None
    assert sms.interaction.body.startswith("Hello Ana, there is news on your case CD-T000000")
    line = lines(outbox)[-1]
    assert line["content_sid"] == CONTENT_SID and line["content_variables"] == ["Ana", "CD-T000000"]
    wrong = send(world, capture, template="case_update", variables=["Ana"])
    assert wrong.status_code == 422
    unknown = send(world, capture, template="nope", variables=[])
    assert unknown.status_code == 422
    on_sms = send(world, capture, template="case_update", variables=["a", "b"], channel="sms")
    assert on_sms.status_code == 422


def test_a_pending_template_is_refused(wrote, world, django_capture_on_commit_callbacks):
    age(wrote, 30)
    template(world, status="pending")
    response = send(
        world, django_capture_on_commit_callbacks, template="case_update", variables=["a", "b"]
    )
    assert response.status_code == 409 and "not approved" in response.json()["message"]


def test_the_command_refuses_a_bad_template(world):
    with pytest.raises(CommandError, match="content_sid"):
        call_command(
            "sms", "add-template", "--program", world.program_a.code, "--name", "x",
            "--content-sid", "nope", "--body", "Hi",
        )  # fmt: skip
    assert not WhatsAppTemplate.objects.system_scope().exists()


def test_a_message_whose_window_closed_before_delivery_fails_visibly(
    wrote, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        response = ApiClient(world.agent_a).post(
            f"/cases/{world.case_a.pk}/sms", {"channel": "whatsapp", "body": "Late answer"}
        )
    assert response.status_code == 201
    age(wrote, 25)
    sms = deliver_now(response.json()["id"])
    assert sms is not None and sms.status == SmsStatus.FAILED and sms.last_error == WINDOW_CLOSED


def test_the_twilio_adapter_sends_a_template_by_content_sid(twilio):
    provider = TwilioProvider("AC" + "0" * 31 + "1", TOKEN_A, twilio.base_url, timeout=5)
    provider.send(
        f"whatsapp:{PHARMACIST}", f"whatsapp:{WHATSAPP_A}", "ignored", "",
        Template(CONTENT_SID, ("Ana", "CD-1")),
    )  # fmt: skip
    (request,) = twilio.requests
    form = request["form"]
    assert form["ContentSid"] == [CONTENT_SID]
    assert json.loads(form["ContentVariables"][0]) == {"1": "Ana", "2": "CD-1"}
    assert "Body" not in form


def test_template_approval_is_read_from_the_provider(routes, world, settings, capsys):
    """`sms sync-templates` asks Twilio's Content API (a local server) about each template:
    approved becomes sendable, rejected stops being so; an unreachable answer keeps the status."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    answers = {"HX" + "0" * 31 + "1": "approved", "HX" + "0" * 31 + "2": "rejected"}
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.headers.get("Authorization", ""))
            sid = self.path.split("/")[3]
            if sid not in answers:
                self.send_response(404)
                self.end_headers()
                return
            body = json.dumps({"sid": sid, "whatsapp": {"status": answers[sid]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SMS_TWILIO_CONTENT_BASE = f"http://127.0.0.1:{server.server_address[1]}"
    routes.whatsapp_a.provider = "twilio"
    routes.whatsapp_a.save()
    try:
        for name, sid, status in (
            ("ok", "HX" + "0" * 31 + "1", "pending"),
            ("no", "HX" + "0" * 31 + "2", "approved"),
            ("gone", "HX" + "0" * 31 + "3", "approved"),
        ):
            WhatsAppTemplate.objects.create(
                program=world.program_a, name=name, content_sid=sid, body="Hi", status=status
            )
        call_command("sms", "sync-templates", "--program", world.program_a.code)
        WhatsAppTemplate.objects.system_scope().filter(name="ok").update(status="pending")
        assert sync_whatsapp_templates.call_local() == 1  # the six-hourly job does the same
    finally:
        server.shutdown()
        server.server_close()
    statuses = dict(WhatsAppTemplate.objects.system_scope().values_list("name", "status"))
    assert statuses == {"ok": "approved", "no": "rejected", "gone": "approved"}
    out = capsys.readouterr().out
    assert "ok\tpending -> approved" in out and "404" in out
    assert seen and all(a.startswith("Basic ") for a in seen)
