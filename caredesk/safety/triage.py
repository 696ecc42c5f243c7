"""Batch screening of JSONL (the `caredesk triage` contract), independent of Django I/O.

Error policy: every valid line is screened and written, in input order. An invalid line (not
JSON, not an object, no "id" key, no string "text") is reported on stderr with its line
number; when it has an "id", an output line `{"id": ..., "error": "..."}` keeps its place so
nothing is silently lost. Blank lines are skipped. The caller exits 2 when any line was invalid.

`id` is echoed whatever its JSON type, `null` included (the key must be there). `program` is
optional: a string, or a number taken as its decimal text (a program id); `null` = none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from caredesk.jsonl import json_line
from caredesk.safety.screening import screen


@dataclass
class TriageReport:
    screened: int = 0
    invalid: list[str] = field(default_factory=list)  # one message per bad line


_NO_ID: Any = object()  # a line without an "id" key (an id may itself be null)


class LineError(ValueError):
    """One input line cannot be screened; `record_id` is set when the line had an id."""

    def __init__(self, message: str, record_id: Any = _NO_ID) -> None:
        super().__init__(message)
        self.record_id = record_id


def parse_line(raw: str) -> dict[str, Any]:
    """Validate one JSONL line and return its object, or raise LineError saying why."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LineError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise LineError("not a JSON object")
    if "id" not in obj:
        raise LineError('missing "id"')
    if not isinstance(obj.get("text"), str):
        raise LineError('missing "text" (a string)', obj["id"])
    program = obj.get("program")
    if isinstance(program, int | float) and not isinstance(program, bool):
        obj["program"] = str(program)
    elif program is not None and not isinstance(program, str):
        raise LineError('"program" must be a string or a number', obj["id"])
    return obj


def triage_lines(lines: Iterable[str | bytes], out: IO[str], err: IO[str]) -> TriageReport:
    """Screen each line of `lines` and write one JSON object per line to `out`.

    Lines may be bytes (files are read in binary so one undecodable line is reported as that
    line's error instead of aborting the whole batch).
    """
    report = TriageReport()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = parse_line(_decode(raw))
        except LineError as exc:
            message = f"line {number}: {exc}"
            report.invalid.append(message)
            err.write(f"caredesk triage: {message}\n")
            if exc.record_id is not _NO_ID:
                out.write(json_line({"id": exc.record_id, "error": str(exc)}) + "\n")
            continue
        result = screen(obj["text"], program=obj.get("program"))
        out.write(json_line({"id": obj["id"], **result.to_json()}) + "\n")
        report.screened += 1
    return report


def _decode(raw: str | bytes) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineError(f"not UTF-8 text (byte {exc.start + 1})") from None
