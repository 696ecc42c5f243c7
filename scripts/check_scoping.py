"""Lint: views, API handlers and exports never read program-scoped rows by bare primary key.

They go through `visible_to(user)` or an `access_*` service, so a foreign id is always a 404.
Exit 1 naming each offending line.
"""

from __future__ import annotations

import pathlib
import re
import sys

GUARDED = ("views.py", "api.py", "views", "api", "exports.py")
BARE = re.compile(r"\.objects\.(get|filter|all)\(|get_object_or_404\(")


def offending_lines(root: pathlib.Path) -> list[str]:
    out: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        if not (path.name in GUARDED or any(part in GUARDED for part in path.parts)):
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if BARE.search(line) and "visible_to" not in line and "# scoping: ok" not in line:
                out.append(f"{path}:{number}: {line.strip()}")
    return out


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "caredesk")
    lines = offending_lines(root)
    for line in lines:
        print(f"unscoped query (use visible_to/access_*): {line}")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
