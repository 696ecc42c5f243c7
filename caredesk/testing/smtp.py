"""A real SMTP server for tests (aiosmtpd on a free local port) that records what it accepts,
and a fixture pointing Django's smtp EmailBackend at it. `refuse` answers the next messages
with a permanent 554, `defer` with a temporary 451, so tests see both kinds of failure."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email import message_from_bytes
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone


@dataclass
class Received:
    accepted_at: datetime
    mail_from: str
    rcpt_tos: list[str]
    message: Any


@dataclass
class Recorder:
    """An SMTP handler that keeps each accepted message and when it was accepted."""

    refuse: int = 0
    defer: int = 0
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            if self.refuse > 0:
                self.refuse -= 1
                return "554 Transaction failed: try later"
            if self.defer > 0:
                self.defer -= 1
                return "451 Requested action aborted: local error"
            self.received.append(
                Received(
                    accepted_at=timezone.now(),
                    mail_from=envelope.mail_from,
                    rcpt_tos=list(envelope.rcpt_tos),
                    message=message_from_bytes(envelope.original_content),
                )
            )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Iterator[Recorder]:
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = controller.hostname
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    settings.DEFAULT_FROM_EMAIL = "caredesk@client.test"
    try:
        yield recorder
    finally:
        controller.stop()
