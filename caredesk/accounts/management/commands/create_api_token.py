"""`caredesk create_api_token USERNAME NAME`: mint a token for a service account; prints it once."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from caredesk.accounts.models import User
from caredesk.accounts.services.tokens import create_api_token
from caredesk.errors import CareDeskError


class Command(BaseCommand):
    help = "Create an API token for USERNAME called NAME and print it (it is not stored in clear)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name")
        parser.add_argument("--expires-days", type=int, default=None, help="Lifetime in days")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User._default_manager.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        days = options["expires_days"]
        if days is not None and days < 1:
            raise CommandError("--expires-days must be at least 1.")
        expires = timezone.now() + timedelta(days=days) if days else None
        try:
            raw = create_api_token(
                user, options["name"], expires, reason="created with `caredesk create_api_token`"
            )
        except CareDeskError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(raw)
