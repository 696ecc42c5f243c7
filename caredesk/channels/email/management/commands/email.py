"""`caredesk email serve` (the inbound SMTP receiver), `caredesk email poll` (take waiting mail
from the IMAP mailbox now, as the minute task does), `caredesk email send-queued` (deliver what
is queued now, as the minute sweep does) and `caredesk email routes` (list addresses)."""

from __future__ import annotations

import signal
import threading
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from caredesk.channels.email.models import EmailRoute
from caredesk.channels.email.services.delivery import sweep_outbound
from caredesk.channels.email.services.imap_polling import poll_mailbox
from caredesk.channels.email.smtp_server import make_controller


class Command(BaseCommand):
    help = "The email channel: run the SMTP receiver, deliver queued replies, list routes."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        serve = actions.add_parser("serve", help="receive mail over SMTP until stopped")
        serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
        serve.add_argument("--port", type=int, default=2525, help="port to listen on")
        actions.add_parser("poll", help="take waiting mail from the IMAP mailbox now")
        actions.add_parser("send-queued", help="deliver queued emails now")
        actions.add_parser("routes", help="list the addresses programs receive mail on")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "serve":
            self._serve(options["host"], options["port"])
        elif action == "poll":
            self._poll()
        elif action == "send-queued":
            self.stdout.write(f"{sweep_outbound()} email(s) handed to the relay")
        else:
            for route in EmailRoute.objects.system_scope().select_related("program"):
                state = "active" if route.active else "inactive"
                self.stdout.write(f"{route.address}\t{route.program.code}\t{state}")

    def _poll(self) -> None:
        if not settings.IMAP_HOST:
            raise CommandError("CAREDESK_IMAP_HOST is not set: there is no mailbox to poll")
        result = poll_mailbox()
        self.stdout.write(
            f"stored {result.stored}, already stored {result.repeated}, "
            f"refused {result.refused}, failed {result.failed}"
        )
        if result.failed:
            raise CommandError("some mail could not be taken; it is read again next time")

    def _serve(self, host: str, port: int) -> None:
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is not a TCP port")
        controller = make_controller(host, port)
        try:
            controller.start()
        except (OSError, RuntimeError) as exc:
            raise CommandError(f"cannot listen on {host}:{port}: {exc}") from None
        self.stdout.write(f"Receiving mail on {host}:{port} (Ctrl-C to stop)")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
