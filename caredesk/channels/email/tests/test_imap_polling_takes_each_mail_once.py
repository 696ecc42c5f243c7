"""The IMAP poller, against a real IMAP server over a socket (caredesk/testing/imap_server.py),
takes each waiting mail into the inbox and only then marks it seen (or moves it to the done
folder); a mail read again (a crash before marking, a second poller) stores nothing new; a mail
that can never be stored is flagged, not retried for ever; a wrong password stores nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caredesk.channels.email.services.imap_polling import poll_mailbox
from caredesk.channels.email.tests.conftest import ADDRESS, mail
from caredesk.channels.models import InboundMessage

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def mailbox(imap_server: Any, route: Any, settings: Any) -> Any:
    settings.IMAP_ADDRESS = ADDRESS
    return imap_server


def stored_ids() -> list[str]:
    rows = InboundMessage.objects.system_scope().order_by("pk")
    return list(rows.values_list("provider_message_id", flat=True))


def test_each_mail_is_stored_then_marked_seen(mailbox, world):
    first = mailbox.deliver(mail(message_id="<i.1@example.test>").as_bytes())
    second = mailbox.deliver(mail("Second question", message_id="<i.2@example.test>").as_bytes())
    result = poll_mailbox()
    assert (result.stored, result.failed) == (2, 0)
    assert stored_ids() == ["<i.1@example.test>", "<i.2@example.test>"]
    assert "\\Seen" in mailbox.flags(first) and "\\Seen" in mailbox.flags(second)
    row = InboundMessage.objects.system_scope().get(provider_message_id="<i.1@example.test>")
    assert row.raw["transport"] == "imap" and row.case_id is not None
    assert poll_mailbox().stored == 0  # nothing waits any more


def test_a_mail_read_twice_is_stored_once(mailbox, world):
    uid = mailbox.deliver(mail(message_id="<i.3@example.test>").as_bytes())
    assert poll_mailbox().stored == 1
    mailbox.flags(uid).discard("\\Seen")  # as if the poller died before marking it
    again = poll_mailbox()
    assert (again.stored, again.repeated) == (0, 1)
    assert stored_ids() == ["<i.3@example.test>"]


def test_with_a_done_folder_the_mail_is_moved_after_storing(mailbox, world, settings):
    settings.IMAP_DONE_FOLDER = "Done"
    uid = mailbox.deliver(mail(message_id="<i.4@example.test>").as_bytes())
    assert poll_mailbox().stored == 1
    assert mailbox.uids("INBOX") == [] and mailbox.uids("Done") == [uid]


def test_a_mail_that_cannot_be_stored_is_flagged_and_left(mailbox, world):
    empty = mail("", message_id="<i.5@example.test>")
    empty.set_content("")
    uid = mailbox.deliver(empty.as_bytes())
    result = poll_mailbox()
    assert (result.stored, result.refused) == (0, 1)
    assert {"\\Flagged", "\\Seen"} <= mailbox.flags(uid)
    assert stored_ids() == []


def test_a_wrong_password_stores_nothing_and_the_command_says_so(mailbox, world, settings):
    settings.IMAP_PASSWORD = "wrong"
    mailbox.deliver(mail(message_id="<i.6@example.test>").as_bytes())
    assert poll_mailbox().failed == 1
    with pytest.raises(CommandError, match="read again"):
        call_command("email", "poll")
    assert stored_ids() == []
