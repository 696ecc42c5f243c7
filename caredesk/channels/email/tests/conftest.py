"""A real SMTP receiver on a free local port, and a route of program A to receive on."""

from __future__ import annotations

import smtplib
import socket
from collections.abc import Iterator
from email.message import EmailMessage as MimeMessage
from typing import Any

import pytest

from caredesk.channels.email.models import EmailRoute
from caredesk.channels.email.smtp_server import make_controller

ADDRESS = "care@relievium.test"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def route(world: Any) -> EmailRoute:
    return EmailRoute.objects.create(
        program=world.program_a,
        address=ADDRESS,
        received_by=world.agent_a,
        from_name="Relievium Care",
    )


@pytest.fixture
def receiver(route: EmailRoute) -> Iterator[tuple[str, int]]:
    controller = make_controller("127.0.0.1", free_port())
    controller.start()
    try:
        yield controller.hostname, controller.port
    finally:
        controller.stop()


def mail(
    body: str = "My Relievium bottle arrived with a broken cap.",
    *,
    subject: str = "Broken cap",
    sender: str = "Carla Client <carla@example.test>",
    to: str = ADDRESS,
    message_id: str = "<first.1@example.test>",
    **headers: str,
) -> MimeMessage:
    message = MimeMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def send(receiver: tuple[str, int], message: MimeMessage, to: list[str] | None = None) -> Any:
    """Speak SMTP to the receiver; returns the refused-recipients dict (empty: all accepted)."""
    host, port = receiver
    with smtplib.SMTP(host, port, timeout=30) as client:
        return client.send_message(message, to_addrs=to)
