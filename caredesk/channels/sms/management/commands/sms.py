"""`caredesk sms add-route …` sets up a program's SMS/WhatsApp number; `caredesk sms routes`
lists them with whether their auth token is present in the environment; `caredesk sms
add-template …` records a WhatsApp template of the program, `caredesk sms sync-templates`
reads their approval status from Twilio."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from caredesk.channels.sms.models import SmsRoute
from caredesk.channels.sms.services.providers import route_auth_token
from caredesk.channels.sms.services.routes import RouteInput, add_route
from caredesk.channels.sms.services.whatsapp import add_template
from caredesk.channels.sms.services.whatsapp_sync import sync_templates
from caredesk.errors import Conflict, InvalidInput
from caredesk.tenancy.models import Program


class Command(BaseCommand):
    help = "SMS/WhatsApp routes: `sms add-route` and `sms routes`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        add = sub.add_parser("add-route", help="Receive a program's messages on a number.")
        add.add_argument("--program", required=True, help="Program code")
        add.add_argument("--number", required=True, help="The provider number (E.164)")
        add.add_argument("--channel", default="sms", choices=["sms", "whatsapp"])
        add.add_argument("--provider", default="local", choices=["local", "twilio"])
        add.add_argument("--account-sid", default="")
        add.add_argument("--token-env", default="", help="CAREDESK_TWILIO_TOKEN_… variable")
        add.add_argument("--from-name", required=True, help="Program name used in replies")
        add.add_argument("--help-contact", default="", help="Phone/web named in HELP replies")
        add.add_argument("--received-by", required=True, help="Service account username")
        sub.add_parser("routes", help="List routes and whether their token is configured.")
        tpl = sub.add_parser("add-template", help="Record an approved WhatsApp template.")
        tpl.add_argument("--program", required=True, help="Program code")
        tpl.add_argument("--name", required=True, help="e.g. case_update")
        tpl.add_argument("--content-sid", required=True, help="The provider's id, HX…")
        tpl.add_argument("--body", required=True, help="Approved text with {{1}} placeholders")
        tpl.add_argument("--language", default="en")
        tpl.add_argument(
            "--status", default="approved", choices=["approved", "pending", "rejected"]
        )
        sync = sub.add_parser("sync-templates", help="Read template approval from Twilio.")
        sync.add_argument("--program", required=True, help="Program code")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "add-route":
            self._add(options)
        elif options["subcommand"] == "add-template":
            self._add_template(options)
        elif options["subcommand"] == "sync-templates":
            self._sync(options)
        else:
            self._list()

    def _sync(self, options: dict[str, Any]) -> None:
        # scoping: ok (an operator's command)
        program = Program.objects.system_scope().filter(code=options["program"]).first()
        if program is None:
            raise CommandError(f"no program {options['program']!r}")
        try:
            results = sync_templates(program)
        except Conflict as exc:
            raise CommandError(exc.message) from None
        for r in results:
            change = r.after if r.before == r.after else f"{r.before} -> {r.after}"
            self.stdout.write(f"{r.name}\t{change}\t{r.detail}".rstrip())

    def _add_template(self, options: dict[str, Any]) -> None:
        # scoping: ok (an operator's command)
        program = Program.objects.system_scope().filter(code=options["program"]).first()
        if program is None:
            raise CommandError(f"no program {options['program']!r}")
        try:
            template = add_template(
                program,
                name=options["name"],
                content_sid=options["content_sid"],
                body=options["body"],
                language=options["language"],
                status=options["status"],
            )
        except InvalidInput as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
            raise CommandError(f"{exc.message}: {detail}") from None
        self.stdout.write(f"template {template.name}: {template.status}")

    def _add(self, options: dict[str, Any]) -> None:
        data = RouteInput(
            program_code=options["program"],
            phone_number=options["number"],
            received_by=options["received_by"],
            from_name=options["from_name"],
            channel=options["channel"],
            provider=options["provider"],
            account_sid=options["account_sid"],
            auth_token_env=options["token_env"],
            help_contact=options["help_contact"],
        )
        try:
            route = add_route(data)
        except InvalidInput as exc:
            detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
            raise CommandError(f"{exc.message}: {detail}") from None
        self.stdout.write(f"route {route.pk}: {route.channel} {route.phone_number}")

    def _list(self) -> None:
        # scoping: ok (an operator's command)
        for route in SmsRoute.objects.system_scope().select_related("program").order_by("pk"):
            token = "token set" if route_auth_token(route) else "NO TOKEN (webhooks refused)"
            state = "active" if route.active else "inactive"
            self.stdout.write(
                f"{route.pk}\t{route.program.code}\t{route.channel}\t{route.phone_number}\t"
                f"{route.provider}\t{state}\t{token}"
            )
