"""A program's IVR is set up without code: its admin changes the script through the API
(greeting, consent notice, menu, recalled lots, queue, wait settings), an operator through the
`ivr` command (a JSON file or flags). The next call hears the new script; a menu the IVR could
not read, a foreign queue or an empty consent notice is refused with the reason; every change
is audited; other roles and other programs cannot change it."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from caredesk.audit.models import AuditEvent
from caredesk.channels.voice.models import IvrConfig
from caredesk.channels.voice.tests.conftest import call_params, one, post_voice, said, twiml
from caredesk.tenancy.models import Role
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db
MENU = [
    {"key": "1", "action": "report_problem", "prompt": "To report a side effect, press 1."},
    {"key": "2", "action": "agent", "prompt": "To talk to us, press 2.", "words": ["agent"]},
]


def test_the_admin_changes_the_script_and_the_next_call_hears_it(line, world):
    url = f"/programs/{world.program_a.pk}/ivr"
    response = ApiClient(world.admin_a).patch(
        url,
        {
            "greeting": "Welcome to Relievium care.",
            "consent_notice": "Calls are recorded for safety reporting.",
            "menu": MENU,
            "recalled_lots": ["RLV9"],
            "average_handle_minutes": 4,
            "reason": "new script for launch",
        },
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["configured"] and [o["key"] for o in body["menu"]] == ["1", "2"]
    assert body["recalled_lots"] == ["RLV9"] and body["average_handle_minutes"] == 4
    root = twiml(post_voice("", call_params()))
    heard = said(root)
    assert "Welcome to Relievium care." in heard
    assert "Calls are recorded for safety reporting." in heard
    assert said(one(root, "Gather")) == "To report a side effect, press 1. To talk to us, press 2."
    config = IvrConfig.objects.get(program=world.program_a)
    event = AuditEvent.objects.filter(model="channels_voice.ivrconfig", object_id=str(config.pk))
    assert event.get().reason == "new script for launch"
    # A second change is audited with only what changed.
    ApiClient(world.admin_a).patch(url, {"offer_callback": False})
    last = AuditEvent.objects.filter(model="channels_voice.ivrconfig").order_by("-seq").first()
    assert last is not None and set(last.changes) == {"offer_callback"}


def test_a_script_the_ivr_could_not_read_is_refused(line, world):
    url = f"/programs/{world.program_a.pk}/ivr"
    admin = ApiClient(world.admin_a)
    twice = [MENU[0], MENU[0]]
    response = admin.patch(url, {"menu": twice})
    assert response.status_code == 422 and "unused digit" in json.dumps(response.json())
    assert admin.patch(url, {"consent_notice": " "}).status_code == 422
    foreign = admin.patch(url, {"general_queue_id": line.general_b.pk})
    assert foreign.status_code == 422 and "general_queue_id" in foreign.json()["errors"]
    assert admin.patch(url, {"language": "english"}).status_code == 422
    assert not IvrConfig.objects.filter(program=world.program_a).exists()


def test_only_the_programs_admins_change_it(line, world):
    url = f"/programs/{world.program_a.pk}/ivr"
    assert ApiClient(world.agent_a).patch(url, {"greeting": "Hi"}).status_code == 403
    assert ApiClient(world.auditor_a).patch(url, {"greeting": "Hi"}).status_code == 403
    admin_b = f.member(world.program_b, Role.PROGRAM_ADMIN)
    assert ApiClient(admin_b).patch(url, {"greeting": "Hi"}).status_code == 404


def test_an_operator_sets_it_with_the_command(line, world, tmp_path, capsys):
    script = tmp_path / "ivr.json"
    script.write_text(json.dumps({"greeting": "Hola.", "menu": MENU, "language": "es-US"}))
    call_command(
        "ivr", "set", "--program", world.program_a.code, "--file", str(script),
        "--consent-notice", "Esta llamada se graba.", "--general-queue", "general",
        "--recalled-lots", "RLV1, RLV2",
    )  # fmt: skip
    shown = json.loads(capsys.readouterr().out)
    assert shown["greeting"] == "Hola." and shown["recalled_lots"] == ["RLV1", "RLV2"]
    assert shown["general_queue_id"] == line.general_a.pk
    assert "Esta llamada se graba." in said(twiml(post_voice("", call_params())))
    bad = tmp_path / "menu.json"
    bad.write_text(json.dumps([{"key": "x", "action": "agent", "prompt": "p"}]))
    with pytest.raises(CommandError, match="menu"):
        call_command("ivr", "set", "--program", world.program_a.code, "--menu-file", str(bad))
    with pytest.raises(CommandError, match="no queue"):
        call_command("ivr", "set", "--program", world.program_a.code, "--general-queue", "nope")
    with pytest.raises(CommandError, match="no program"):
        call_command("ivr", "show", "--program", "NOPE")


def test_the_admin_changes_the_script_on_the_ivr_page(line, world, client):
    login_with_mfa(client, world.admin_a)
    listing = client.get("/voice/ivr/").content.decode()
    assert f"/voice/ivr/{world.program_a.pk}/" in listing
    page = client.get(f"/voice/ivr/{world.program_a.pk}/")
    assert page.status_code == 200 and b"This call may be recorded" in page.content
    form = {
        "greeting": "Welcome to Relievium care.",
        "consent_notice": "Calls are recorded.",
        "hours_text": "",
        "language": "en-US",
        "voice": "Polly.Joanna",
        "menu": json.dumps(MENU),
        "recalled_lots": "RLV1\nRLV2\n",
        "general_queue": str(line.general_a.pk),
        "average_handle_minutes": "5",
        "offer_callback": "on",
    }
    assert client.post(f"/voice/ivr/{world.program_a.pk}/", form).status_code == 302
    config = IvrConfig.objects.get(program=world.program_a)
    assert config.recalled_lots == ["RLV1", "RLV2"] and config.general_queue == line.general_a
    assert "Welcome to Relievium care." in said(twiml(post_voice("", call_params())))
    bad = client.post(f"/voice/ivr/{world.program_a.pk}/", {**form, "menu": "[{]"})
    assert bad.status_code == 422 and b"not JSON" in bad.content
    unreadable = {**form, "menu": json.dumps([{"key": "x", "action": "agent", "prompt": "p"}])}
    refused = client.post(f"/voice/ivr/{world.program_a.pk}/", unreadable)
    assert refused.status_code == 422 and b"unused digit" in refused.content
    client.force_login(world.agent_a)
    assert client.get(f"/voice/ivr/{world.program_a.pk}/").status_code == 403
    client.force_login(world.agent_b)
    assert client.get(f"/voice/ivr/{world.program_a.pk}/").status_code == 404
