"""A scanned fax or letter goes through the inbox like every inbound message: matched to its
sender (the fax number, or a case reference written on it), on their case, with the scan
attached; the same scan again creates nothing; a file that is not a PDF or an image, whatever
its name, is refused with nothing stored; other programs and read-only roles are kept out."""

from __future__ import annotations

import base64

import pytest

from caredesk.cases.models import Attachment, Interaction
from caredesk.channels.models import InboundMessage
from caredesk.testing.api import ApiClient

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(user, program_id: int, content: bytes = PDF, **fields: str):
    body = {
        "channel": "fax",
        "filename": "fax.pdf",
        "content_base64": base64.b64encode(content).decode(),
        **fields,
    }
    return ApiClient(user).post(f"/programs/{program_id}/documents", body)


def test_a_fax_from_a_known_number_is_on_the_senders_case(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            world.agent_a,
            world.program_a.pk,
            from_phone="(202) 555-0143",
            note="Rx refill question",
        )
    assert response.status_code == 202, response.content
    row = InboundMessage.objects.system_scope().get(pk=response.json()["id"])
    assert row.status == "processed" and row.person_id == world.pharmacist_a.pk
    interaction = Interaction.objects.system_scope().get(inbound_message=row)
    assert interaction.channel == "fax" and interaction.body == "Rx refill question"
    (scan,) = Attachment.objects.system_scope().filter(interaction=interaction)
    assert scan.content_type == "application/pdf" and scan.size == len(PDF)
    again = upload(world.agent_a, world.program_a.pk, from_phone="+12025550143")
    assert again.json() == {"id": row.pk, "status": "processed", "duplicate": True}


def test_a_letter_with_a_case_reference_joins_that_case(world, django_capture_on_commit_callbacks):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            world.agent_a,
            world.program_a.pk,
            png,
            channel="mail",
            filename="letter.png",
            reference=world.case_a.reference,
        )
    assert response.status_code == 202, response.content
    row = InboundMessage.objects.system_scope().get(pk=response.json()["id"])
    assert row.case_id == world.case_a.pk
    interaction = Interaction.objects.system_scope().get(inbound_message=row)
    assert interaction.channel == "mail" and "Letter received" in interaction.body


def test_a_file_that_is_no_scan_is_refused_and_nothing_is_stored(world):
    response = upload(
        world.agent_a, world.program_a.pk, b"MZ\x90\x00 not a pdf", from_phone="+12025550143"
    )
    assert response.status_code == 422
    assert "PDF or an image" in response.json()["errors"]["file"]
    assert not InboundMessage.objects.system_scope().exists()
    bad = ApiClient(world.agent_a).post(
        f"/programs/{world.program_a.pk}/documents",
        {"channel": "fax", "content_base64": "***", "from_phone": "+12025550143"},
    )
    assert bad.status_code == 422


def test_other_programs_and_read_only_roles_cannot_upload(world):
    assert upload(world.agent_b, world.program_a.pk, from_phone="+12025550143").status_code == 404
    assert upload(world.auditor_a, world.program_a.pk, from_phone="+12025550143").status_code == 403
    assert not InboundMessage.objects.system_scope().exists()
