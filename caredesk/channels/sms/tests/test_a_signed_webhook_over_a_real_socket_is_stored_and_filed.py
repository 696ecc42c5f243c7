"""Over a real socket: Twilio's signed POST reaches the live server, is stored and filed on the
sender's case, and a STOP is answered with TwiML and in the ledger by the time the answer
arrives; the same request unsigned is refused with 403."""

from __future__ import annotations

from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

import pytest

from caredesk.channels.models import InboundMessage, InboxStatus
from caredesk.channels.sms.services.signature import compute_signature
from caredesk.channels.sms.tests.conftest import TOKEN_A, message
from caredesk.outreach.models import ConsentRecord

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def post(url: str, params: dict[str, str], signature: str | None) -> tuple[int, str]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature:
        headers["X-Twilio-Signature"] = signature
    request = Request(url, data=urlencode(params).encode(), headers=headers, method="POST")
    try:
        with urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except HTTPError as refused:
        return refused.code, refused.read().decode()


def test_signed_requests_are_stored_and_unsigned_ones_refused(live_server, routes, world):
    url = f"{live_server.url}/hooks/twilio/sms/"
    params = message("Does Relievium interact with ibuprofen?", sid="SMlive1")

    assert post(url, params, None)[0] == 403
    assert not InboundMessage.objects.system_scope().exists()

    status, body = post(url, params, compute_signature(TOKEN_A, url, params.items()))
    assert (status, body) == (200, '<?xml version="1.0" encoding="UTF-8"?><Response/>')
    row = InboundMessage.objects.system_scope().get()
    assert row.status == InboxStatus.PROCESSED  # the worker ran inline after the commit
    assert row.case == world.case_a
    assert row.interaction is not None and row.interaction.channel == "sms"

    stop = message("STOP", sid="SMlive2")
    status, body = post(url, stop, compute_signature(TOKEN_A, url, stop.items()))
    assert status == 200 and "You are unsubscribed from Relievium Care messages" in body
    assert ConsentRecord.objects.system_scope().get().granted is False
