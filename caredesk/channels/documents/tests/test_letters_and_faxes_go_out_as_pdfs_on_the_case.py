"""A letter or fax written on a case is a generated PDF on an outbound interaction, so the case
shows exactly what went out. A fax is handed to the fax provider at once (the local default's
outbox folder holds the PDF and an index line); a letter waits to be posted and is marked
posted by a person. An opt-out, a bad fax number or empty text write nothing."""

from __future__ import annotations

import json

import pytest

from caredesk.cases.models import Attachment, Interaction
from caredesk.channels.documents.models import OutboundDocument
from caredesk.outreach.services import record_consent
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
ADDRESS = "Ana Pharma\n12 Main St\nSpringfield, IL 62701"


def letter(world, **fields):
    body = {"channel": "mail", "recipient": ADDRESS, "body": "Your replacement is enclosed."}
    return ApiClient(world.agent_a).post(f"/cases/{world.case_a.pk}/letters", body | fields)


def pdf_of(interaction_id: int) -> bytes:
    (attachment,) = Attachment.objects.system_scope().filter(interaction_id=interaction_id)
    assert attachment.content_type == "application/pdf"
    return attachment.file.read()


def test_a_letter_is_a_pdf_on_the_case_and_is_marked_posted(world):
    response = letter(world)
    assert response.status_code == 201, response.content
    sent = response.json()
    assert sent["status"] == "to_post" and sent["recipient"] == ADDRESS
    interaction = Interaction.objects.system_scope().get(pk=sent["interaction_id"])
    assert interaction.channel == "mail" and interaction.direction == "outbound"
    assert pdf_of(interaction.pk).startswith(b"%PDF-")
    url = f"/cases/{world.case_a.pk}/letters/{sent['id']}/posted"
    posted = ApiClient(world.agent_a).post(url)
    assert posted.status_code == 200 and posted.json()["posted_at"]
    assert ApiClient(world.agent_a).post(url).status_code == 409


def test_a_fax_is_handed_to_the_provider_at_once(world, settings, tmp_path):
    settings.FAX_OUTBOX_DIR = tmp_path
    response = letter(world, channel="fax", recipient="(202) 555-0143")
    assert response.status_code == 201, response.content
    sent = response.json()
    assert sent["status"] == "sent" and sent["recipient"] == "+12025550143"
    (index,) = (tmp_path / "outbox.jsonl").read_text().splitlines()
    line = json.loads(index)
    assert line["id"] == sent["provider_id"] and line["to"] == "+12025550143"
    assert (tmp_path / line["file"]).read_bytes() == pdf_of(sent["interaction_id"])


def test_bad_input_and_an_opt_out_write_nothing(world):
    assert letter(world, channel="fax", recipient="not a number").status_code == 422
    assert letter(world, body="   ").status_code == 422
    record_consent(
        world.program_a,
        channel="mail",
        address="Ana Pharma",
        purpose="all",
        granted=False,
        source="agent",
        acting_user=world.agent_a,
        evidence="asked for no more letters",
    )
    assert letter(world).status_code == 409
    assert not OutboundDocument.objects.system_scope().exists()
    assert not Interaction.objects.system_scope().filter(direction="outbound").exists()


def test_letters_are_scoped(world):
    sent = letter(world).json()
    other = ApiClient(world.agent_b)
    assert other.get(f"/cases/{world.case_a.pk}/letters").status_code == 404
    assert other.post(f"/cases/{world.case_a.pk}/letters/{sent['id']}/posted").status_code == 404
    assert ApiClient(world.auditor_a).get(f"/cases/{world.case_a.pk}/letters").status_code == 200
    refused = ApiClient(world.auditor_a).post(
        f"/cases/{world.case_a.pk}/letters", {"channel": "mail", "recipient": "x", "body": "y"}
    )
    assert refused.status_code == 403
