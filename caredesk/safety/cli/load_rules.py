"""`caredesk safety load-rules [--file PATH]`: load the reportability rule file into the database
as a new rule version when it changed since the current one (idempotent: running it twice adds
nothing). Existing cases keep the version their deadlines were computed under; new computations
use this one. Exit 0 when loaded or unchanged, 2 when the file does not validate.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from typing import Any

from caredesk.errors import InvalidInput
from caredesk.safety.services.rules import load_rule_file

PROG = "caredesk safety load-rules"


def add_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--file", default=None, help="Rule file (default: the packaged rules.yaml)")
    parser.add_argument("--by", default="", help="Who is loading it (kept with the version)")


def run(options: dict[str, Any]) -> int:
    by = options.get("by") or "system:load-rules"
    try:
        version, created = load_rule_file(options.get("file"), loaded_by=by)
    except InvalidInput as exc:
        sys.stderr.write(f"{PROG}: {exc.message}\n")
        return 2
    except OSError as exc:
        sys.stderr.write(f"{PROG}: {exc}\n")
        return 2
    state = "loaded" if created else "unchanged"
    count = version.rules.count()
    sys.stdout.write(
        f"rules v{version.version} {state} ({count} rules, sha256 {version.sha256[:12]})\n"
    )
    return 0
