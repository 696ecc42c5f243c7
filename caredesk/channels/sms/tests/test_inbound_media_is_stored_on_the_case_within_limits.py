"""MMS / WhatsApp media (MediaUrlN) is fetched once the message is filed and stored on the
person's case as attachments of a new inbound interaction, under the same type and size limits
as e-mail; a refused item (type, size, a host not allowed) is kept with its reason and named on
the case, never silently dropped; a media host that fails is retried, and a redelivered webhook
fetches nothing twice. The media server is a local HTTP server started here (no internet); a
Twilio route's media request carries its basic auth."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.utils import timezone

from caredesk.cases.models import Attachment, TimelineEntry
from caredesk.channels.sms.models import MediaStatus, SmsMedia
from caredesk.channels.sms.services.media import sweep_media
from caredesk.channels.sms.tests.conftest import PHARMACIST, TOKEN_A, message, post_signed

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


class MediaServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.failures: dict[str, int] = {}
        self.files = {
            "/ok.png": ("image/png", PNG),
            "/big.pdf": ("application/pdf", b"%PDF" + b"x" * 5000),
            "/tool.exe": ("application/x-msdownload", b"MZ" + b"\x00" * 50),
        }
        self.base = ""


@pytest.fixture
def media(settings) -> Iterator[MediaServer]:
    state = MediaServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append({"path": self.path, "headers": dict(self.headers)})
            if state.failures.get(self.path, 0) > 0:
                state.failures[self.path] -= 1
                self.send_response(503)
                self.end_headers()
                return
            if self.path not in state.files:
                self.send_response(404)
                self.end_headers()
                return
            kind, body = state.files[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    settings.SMS_MEDIA_HOSTS = frozenset({"127.0.0.1"})
    settings.ATTACHMENT_MAX_BYTES = 2000
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def mms(capture, sid: str, *urls: str, **extra: str) -> Any:
    params = message("Here is a photo of the box", sid=sid, NumMedia=str(len(urls)), **extra)
    for i, url in enumerate(urls):
        params[f"MediaUrl{i}"] = url
        params.setdefault(f"MediaContentType{i}", "image/png")
    with capture(execute=True):
        response = post_signed(params)
    assert response.status_code == 200, response.content
    return response


def test_accepted_media_is_on_the_case_and_refused_media_is_named(
    routes, world, media, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    urls = [f"{media.base}/ok.png", f"{media.base}/big.pdf", f"{media.base}/tool.exe"]
    mms(django_capture_on_commit_callbacks, "MM1", *urls)
    items = {m.index: m for m in SmsMedia.objects.system_scope().all()}
    assert items[0].status == MediaStatus.STORED and items[0].content_type == "image/png"
    assert items[1].status == MediaStatus.REJECTED and "larger than 2000" in items[1].reason
    assert items[2].status == MediaStatus.REJECTED and "not accepted" in items[2].reason
    interaction = items[0].interaction
    assert interaction is not None
    assert interaction.case == world.case_a and interaction.direction == "inbound"
    (stored,) = Attachment.objects.filter(interaction=interaction)
    assert (stored.filename, stored.size) == ("media-1.png", len(PNG))
    assert interaction.body.count("Attachment not accepted") == 2
    # A redelivered webhook stores and fetches nothing again.
    fetched = len(media.requests)
    mms(django_capture_on_commit_callbacks, "MM1", *urls)
    assert SmsMedia.objects.system_scope().count() == 3 and len(media.requests) == fetched


def test_a_host_that_is_not_allowed_is_never_fetched_and_the_case_says_so(
    routes, world, media, django_capture_on_commit_callbacks
):
    mms(django_capture_on_commit_callbacks, "MM2", "https://evil.example/x.png")
    (item,) = SmsMedia.objects.system_scope().all()
    assert item.status == MediaStatus.REJECTED and "not allowed" in item.reason
    notes = TimelineEntry.objects.filter(case=world.case_a, summary__contains="not accepted")
    assert notes.exists()
    assert media.requests == []


def test_a_failing_media_host_is_retried_by_the_sweep(
    routes, world, media, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    media.failures["/ok.png"] = 1
    mms(django_capture_on_commit_callbacks, "MM3", f"{media.base}/ok.png")
    (item,) = SmsMedia.objects.system_scope().all()
    assert (item.status, item.attempts) == (MediaStatus.PENDING, 1)
    SmsMedia.objects.system_scope().filter(pk=item.pk).update(next_attempt_at=timezone.now())
    assert sweep_media() == 1
    item.refresh_from_db()
    assert item.status == MediaStatus.STORED and item.interaction is not None


def test_a_twilio_routes_media_request_carries_its_basic_auth(
    routes, world, media, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    routes.sms_a.provider = "twilio"
    routes.sms_a.save()
    mms(django_capture_on_commit_callbacks, "MM4", f"{media.base}/ok.png", From=PHARMACIST)
    (request,) = media.requests
    expected = base64.b64encode(f"{routes.sms_a.account_sid}:{TOKEN_A}".encode()).decode()
    assert request["headers"]["Authorization"] == f"Basic {expected}"


def test_the_case_sms_api_lists_each_media_item_and_its_fate(
    routes, world, media, settings, tmp_path, django_capture_on_commit_callbacks
):
    from caredesk.testing.api import ApiClient

    settings.MEDIA_ROOT = tmp_path
    urls = [f"{media.base}/ok.png", f"{media.base}/tool.exe"]
    mms(django_capture_on_commit_callbacks, "MM5", *urls)
    listed = ApiClient(world.agent_a).get(f"/cases/{world.case_a.pk}/sms").json()["items"]
    (inbound,) = [m for m in listed if m["kind"] == "inbound"]
    assert [(m["index"], m["status"]) for m in inbound["media"]] == [
        (0, "stored"),
        (1, "rejected"),
    ]
