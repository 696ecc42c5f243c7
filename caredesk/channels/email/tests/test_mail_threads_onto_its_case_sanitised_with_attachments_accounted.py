"""What arrives by email lands on the right case and is safe to show: a reply (In-Reply-To /
References) joins the case of the mail it answers, even from another address; a "[CD-…]"
reference in the subject joins that case; HTML is sanitised so a <script> never reaches the case
page; an attachment of a forbidden type or over the size limit is not stored but recorded, with
its name, type, size and reason, on the inbox row, the email record and the agent's text."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Attachment, Interaction
from caredesk.channels.email.models import EmailMessage
from caredesk.channels.email.tests.conftest import mail, send
from caredesk.channels.models import InboundMessage

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def row_of(message_id: str) -> InboundMessage:
    return InboundMessage.objects.system_scope().get(provider_message_id=message_id)


def test_a_reply_joins_the_case_of_the_mail_it_answers(receiver, world):
    send(receiver, mail(message_id="<a.1@example.test>"))
    first = row_of("<a.1@example.test>")
    reply = mail(
        "Forgot to say: the lot is RLV2401A.",
        subject="More details",
        sender="Carla at work <carla.work@example.test>",
        message_id="<a.2@example.test>",
        In_Reply_To="<a.1@example.test>",
        References="<a.1@example.test>",
    )
    send(receiver, reply)
    second = row_of("<a.2@example.test>")
    assert first.case_id is not None and second.case_id == first.case_id
    assert second.raw["in_reply_to"] == "<a.1@example.test>"


def test_a_reference_in_the_subject_joins_that_case(receiver, world):
    subject = f"Re: your question [{world.case_a.reference}]"
    send(receiver, mail(subject=subject, sender="someone.new@example.test"))
    assert row_of("<first.1@example.test>").case_id == world.case_a.pk


def test_html_is_sanitised_and_no_script_reaches_the_case_page(receiver, world, client):
    message = mail("plain part")
    message.add_alternative(
        "<p>Hello <b>team</b></p><script>alert('x')</script>"
        "<img src=x onerror=alert(1)><a href='javascript:alert(2)'>link</a>",
        subtype="html",
    )
    send(receiver, message)
    row = row_of("<first.1@example.test>")
    assert row.interaction_id is not None
    interaction = Interaction.objects.system_scope().get(pk=row.interaction_id)
    assert "<b>team</b>" in interaction.body_html
    for bad in ("<script", "onerror", "javascript:", "alert('x')"):
        assert bad not in interaction.body_html
    client.force_login(world.agent_a)
    page = client.get(f"/cases/{row.case_id}/").content.decode()
    assert "plain part" in page or "team" in page
    assert "alert('x')" not in page and "onerror=alert" not in page


def test_forbidden_and_oversized_attachments_are_recorded_as_rejected(receiver, world, settings):
    settings.ATTACHMENT_MAX_BYTES = 2000
    message = mail("Photos and the leaflet attached.")
    message.add_attachment(
        b"%PDF-1.4 leaflet", maintype="application", subtype="pdf", filename="leaflet.pdf"
    )
    message.add_attachment(
        b"MZ\x90\x00", maintype="application", subtype="x-msdownload", filename="invoice.exe"
    )
    message.add_attachment(
        b"\x89PNG" + b"0" * 5000, maintype="image", subtype="png", filename="big.png"
    )
    send(receiver, message)
    row = row_of("<first.1@example.test>")
    rejected = {r["filename"]: r for r in row.raw["rejected_attachments"]}
    assert set(rejected) == {"invoice.exe", "big.png"}
    assert rejected["invoice.exe"]["content_type"] == "application/x-msdownload"
    assert (
        rejected["invoice.exe"]["size"] == 4 and "not accepted" in rejected["invoice.exe"]["reason"]
    )
    assert rejected["big.png"]["size"] == 5004 and "larger than" in rejected["big.png"]["reason"]
    record = EmailMessage.objects.system_scope().get(inbound=row)
    assert record.rejected_attachments == row.raw["rejected_attachments"]
    assert row.interaction_id is not None
    interaction = Interaction.objects.system_scope().get(pk=row.interaction_id)
    assert "Attachment not accepted: invoice.exe" in interaction.body
    assert "Attachment not accepted: big.png" in interaction.body
    stored = Attachment.objects.system_scope().filter(interaction=interaction)
    assert [(a.filename, a.content_type) for a in stored] == [("leaflet.pdf", "application/pdf")]
