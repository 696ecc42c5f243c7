"""The `caredesk` command: the management commands under one name.

`caredesk demo`, `caredesk audit verify`, `caredesk serve` … are Django management commands;
this entry point only sets the settings module and forwards argv, so every command is also
reachable as `python -m django <cmd>`.
"""

from __future__ import annotations

import io
import os
import sys

# Commands with sub-commands are spelled `caredesk audit verify`; Django sees `audit verify`.


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caredesk.settings")
    from django.core.management import execute_from_command_line

    _utf8_stdout()
    args = list(sys.argv if argv is None else ["caredesk", *argv])
    args[0] = "caredesk"
    if args[1:2] == ["signals"]:  # files to files: skips Django's start-up (see the module)
        from caredesk.insights.signals import standalone

        status = standalone.run(args[2:])
        if status is not None:
            return status
    try:
        execute_from_command_line(args)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else 1
    return 0


def _utf8_stdout() -> None:
    """The contract's files (JSONL, CSV, XML) are UTF-8 on stdout too, whatever the locale says
    (LANG=en_US.ISO-8859-1, PYTHONIOENCODING=ascii); `surrogateescape` writes back names whose
    bytes were not UTF-8 in the input unchanged, as the file outputs do."""
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and out.encoding.lower().replace("_", "-") != "utf-8":
        out.reconfigure(encoding="utf-8", errors="surrogateescape")


if __name__ == "__main__":
    sys.exit(main())
