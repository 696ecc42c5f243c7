"""`caredesk ivr show --program CODE` prints a program's IVR script as JSON (the defaults until
it is set up); `caredesk ivr set --program CODE …` changes it without code: a JSON file with
any of the script's fields (the menu as a list of {key, action, prompt, words}) and/or flags
for the common ones. The script is validated as calls read it and the change is audited."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from caredesk.channels.voice.services.config import ivr_config
from caredesk.channels.voice.services.ivr_setup import IVR_FIELDS, update_ivr
from caredesk.errors import InvalidInput
from caredesk.routing.models import Queue
from caredesk.tenancy.models import Program

FLAGS = ("greeting", "consent_notice", "hours_text", "language", "voice")


class Command(BaseCommand):
    help = "A program's IVR script: `ivr show` and `ivr set`."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        show = sub.add_parser("show", help="Print the program's IVR script as JSON.")
        show.add_argument("--program", required=True, help="Program code")
        put = sub.add_parser("set", help="Change the program's IVR script.")
        put.add_argument("--program", required=True, help="Program code")
        put.add_argument("--file", help="JSON object with any of: " + ", ".join(IVR_FIELDS))
        for name in FLAGS:
            put.add_argument(f"--{name.replace('_', '-')}", dest=name)
        put.add_argument("--menu-file", help="JSON list of {key, action, prompt, words}")
        put.add_argument("--recalled-lots", help="Comma-separated lot numbers under recall")
        put.add_argument("--general-queue", help="Code of the queue 'talk to a specialist' uses")
        put.add_argument("--average-handle-minutes", type=int)
        put.add_argument("--offer-callback", choices=["yes", "no"])
        put.add_argument("--reason", default="", help="Why (kept in the audit trail)")

    def handle(self, *args: Any, **options: Any) -> None:
        # scoping: ok (an operator's command)
        program = Program.objects.system_scope().filter(code=options["program"]).first()
        if program is None:
            raise CommandError(f"no program {options['program']!r}")
        if options["subcommand"] == "set":
            try:
                update_ivr(
                    program,
                    self._changes(program, options),
                    acting_user=None,
                    reason=options["reason"],
                )
            except InvalidInput as exc:
                detail = "; ".join(f"{k}: {v}" for k, v in exc.fields.items())
                raise CommandError(f"{exc.message}: {detail}") from None
        config = ivr_config(program)
        script = {name: getattr(config, name) for name in IVR_FIELDS}
        self.stdout.write(json.dumps(script, indent=2, ensure_ascii=False))

    def _changes(self, program: Program, options: dict[str, Any]) -> dict[str, Any]:
        changes: dict[str, Any] = _json(options["file"], dict) if options["file"] else {}
        changes.update({n: options[n] for n in FLAGS if options[n] is not None})
        if options["menu_file"]:
            changes["menu"] = _json(options["menu_file"], list)
        if options["recalled_lots"] is not None:
            lots = options["recalled_lots"].split(",")
            changes["recalled_lots"] = [x.strip() for x in lots if x.strip()]
        if options["general_queue"]:
            queue = Queue.objects.filter(program=program, code=options["general_queue"]).first()
            if queue is None:
                raise CommandError(f"no queue {options['general_queue']!r} in {program.code}")
            changes["general_queue_id"] = queue.pk
        if options["average_handle_minutes"] is not None:
            changes["average_handle_minutes"] = options["average_handle_minutes"]
        if options["offer_callback"]:
            changes["offer_callback"] = options["offer_callback"] == "yes"
        if not changes:
            raise CommandError("nothing to change: give --file or a field flag")
        return changes


def _json(path: str, kind: type) -> Any:
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"{path}: not a readable JSON file ({exc})") from None
    if not isinstance(value, kind):
        raise CommandError(f"{path}: expected a JSON {'object' if kind is dict else 'list'}")
    return value
