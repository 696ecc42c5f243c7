"""The SMTP receiver answers 250 only once the message is committed to the inbox; if storing
fails it answers 451 (the sending server keeps the mail and retries), a second delivery of the
same Message-ID creates nothing new, and mail for an address no program receives on is refused
with 550 and logged. Real SMTP: smtplib talks to the receiver started on a free port."""

from __future__ import annotations

import logging
import smtplib

import pytest
from django.db import OperationalError

from caredesk.cases.models import Interaction
from caredesk.channels.email import smtp_server
from caredesk.channels.email.models import EmailMessage
from caredesk.channels.email.tests.conftest import mail, send
from caredesk.channels.models import InboundMessage, InboxStatus

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def inbox() -> list[InboundMessage]:
    return list(InboundMessage.objects.system_scope().filter(channel="email"))


def test_the_row_is_committed_when_the_sender_hears_250(receiver, world):
    refused = send(receiver, mail())
    assert refused == {}
    (row,) = inbox()  # read on the test's own connection: committed by the receiver
    assert row.provider_message_id == "<first.1@example.test>"
    assert row.from_address == "carla@example.test" and row.from_name == "Carla Client"
    assert row.raw["transport"] == "smtp"
    assert row.status == InboxStatus.PROCESSED  # tests run the worker inline after commit
    assert row.interaction_id is not None
    assert "broken cap" in Interaction.objects.system_scope().get(pk=row.interaction_id).body


def test_a_storage_failure_answers_451_and_the_retry_is_stored(receiver, world, monkeypatch):
    real = smtp_server.receive_email

    def database_away(*args, **kwargs):
        raise OperationalError("database is away")

    monkeypatch.setattr(smtp_server, "receive_email", database_away)
    with pytest.raises(smtplib.SMTPDataError) as refused:
        send(receiver, mail())
    assert refused.value.smtp_code == 451
    assert inbox() == []
    monkeypatch.setattr(smtp_server, "receive_email", real)
    assert send(receiver, mail()) == {}
    assert len(inbox()) == 1


def test_a_second_delivery_of_the_same_message_id_creates_nothing(receiver, world):
    send(receiver, mail())
    send(receiver, mail(body="The retry of a server that timed out before our 250."))
    assert len(inbox()) == 1
    assert EmailMessage.objects.system_scope().filter(direction="inbound").count() == 1
    assert Interaction.objects.system_scope().filter(channel="email").count() == 1


def test_mail_for_an_unknown_address_is_refused_with_550_and_logged(receiver, world, caplog):
    caplog.set_level(logging.WARNING, logger="caredesk.channels.email.smtp_server")
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(receiver, mail(to="nobody@relievium.test"))
    assert refused.value.recipients["nobody@relievium.test"][0] == 550
    assert inbox() == []
    assert "nobody@relievium.test" in caplog.text and "carla@example.test" in caplog.text


def test_one_known_and_one_unknown_recipient_stores_it_once(receiver, world, route):
    refused = send(receiver, mail(), to=[route.address, "nobody@relievium.test"])
    assert list(refused) == ["nobody@relievium.test"]
    assert len(inbox()) == 1
