"""Each program's IVR is data: the menu's keys, order, wording and spoken words are the admin's;
a menu the IVR could not read is refused by validation (and a call never fails on one: the
default menu is used). The API shows the IVR as callers hear it to the program's people only."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from caredesk.channels.voice.models import IvrConfig
from caredesk.channels.voice.tests.conftest import (
    VOICE_A,
    call_params,
    one,
    post_voice,
    said,
    twiml,
)
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
MENU = [
    {"key": "9", "action": "agent", "prompt": "Para hablar con una persona, marque 9."},
    {"key": "5", "action": "hours", "prompt": "Para el horario, marque 5.", "words": ["horario"]},
]


def test_the_menu_is_read_in_the_admins_order_and_wording(line, world):
    IvrConfig.objects.create(
        program=world.program_a, menu=MENU, language="es-US", voice="Polly.Lupe"
    )
    gather = one(twiml(post_voice("", call_params())), "Gather")
    assert said(gather) == "Para hablar con una persona, marque 9. Para el horario, marque 5."
    assert {say.get("language") for say in gather.iter("Say")} == {"es-US"}
    assert gather.get("language") == "es-US"
    assert "Para el horario" in said(twiml(post_voice("menu/", call_params(Digits="7"))))
    root = twiml(post_voice("menu/", call_params(SpeechResult="el horario por favor")))
    assert one(root, "Say").get("voice") == "Polly.Lupe"


def test_a_menu_the_ivr_cannot_read_is_refused_and_never_breaks_a_call(line, world):
    broken = [{"key": "12", "action": "dance", "prompt": ""}]
    config = IvrConfig(program=world.program_a, menu=broken)
    with pytest.raises(ValidationError) as raised:
        config.clean()
    assert "key must be one unused digit" in str(raised.value)
    config.save()  # saved behind validation's back
    gather = one(twiml(post_voice("", call_params())), "Gather")
    assert "press 4" in said(gather)


def test_the_api_shows_the_ivr_to_its_program_only(line, world):
    IvrConfig.objects.create(program=world.program_a, recalled_lots=["RLV2401A"])
    response = ApiClient(world.auditor_a).get(f"/programs/{world.program_a.pk}/ivr")
    assert response.status_code == 200
    body = response.json()
    assert body["configured"] and body["numbers"] == [VOICE_A]
    assert [o["key"] for o in body["menu"]] == ["1", "2", "3", "4", "0"]
    assert body["recalled_lots"] == ["RLV2401A"]
    assert body["safety_queue_id"] == line.safety_a.pk
    assert body["general_queue_id"] == line.general_a.pk
    foreign = ApiClient(world.agent_b).get(f"/programs/{world.program_a.pk}/ivr")
    assert foreign.status_code == 404
