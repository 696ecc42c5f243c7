"""The `caredesk safety deadlines` contract over JSONL, independent of Django I/O.

Input line: {"id", "jurisdiction": US|EU|CA, "product_type", "day_zero": "YYYY-MM-DD", flags...}
(flags absent or null = false). Output line: {"id", "reports": [{"kind", "due", "basis"}]}.

Error policy (the same as `caredesk triage`): every valid line is evaluated and written, in input
order. An invalid line (not JSON, not an object, no "id", unknown jurisdiction or product type,
a day_zero that is not a YYYY-MM-DD date, a flag that is not a boolean) is reported on stderr with
its line number; when it has an "id", `{"id": ..., "error": "..."}` keeps its place in the output.
Blank lines are skipped. The caller exits 2 when any line was invalid. `id` is echoed whatever
its JSON type, `null` included (only a line without the key has no id to echo).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from caredesk.jsonl import json_line
from caredesk.safety.reportability.engine import reports_for_mask
from caredesk.safety.reportability.rules import FLAG_BITS, PRODUCT_TYPES, RuleSet, load_rules

CONTRACT_JURISDICTIONS = frozenset({"US", "EU", "CA"})
CONTRACT_PRODUCT_TYPES = frozenset(PRODUCT_TYPES)
CONTRACT_FLAGS = (
    "serious",
    "expected",
    "death",
    "serious_deterioration",
    "malfunction",
    "remedial_action",
    "public_health_threat",
    "unanticipated",
)
_FLAG_BITS = tuple((name, FLAG_BITS[name]) for name in CONTRACT_FLAGS)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MIN_YEAR, MAX_YEAR = 1900, 2199  # holiday tables and clocks are meaningful in this range


@dataclass
class DeadlinesReport:
    evaluated: int = 0
    invalid: list[str] = field(default_factory=list)  # one message per bad line


_NO_ID: Any = object()  # a line without an "id" key (an id may itself be null)


class LineError(ValueError):
    """One input line cannot be evaluated; `record_id` is set when the line had an id."""

    def __init__(self, message: str, record_id: Any = _NO_ID) -> None:
        super().__init__(message)
        self.record_id = record_id


def evaluate_object(obj: Any, rules: RuleSet) -> dict[str, Any]:
    """The output object for one parsed input object, or LineError saying why it is invalid."""
    if not isinstance(obj, dict):
        raise LineError("not a JSON object")
    if "id" not in obj:
        raise LineError('missing "id"')
    record_id = obj["id"]
    jurisdiction = obj.get("jurisdiction")
    if jurisdiction not in CONTRACT_JURISDICTIONS:
        raise LineError(f'"jurisdiction" must be US, EU or CA, not {jurisdiction!r}', record_id)
    product_type = obj.get("product_type")
    if product_type not in CONTRACT_PRODUCT_TYPES:
        allowed = ", ".join(PRODUCT_TYPES)
        raise LineError(f'"product_type" must be one of {allowed}, not {product_type!r}', record_id)
    day_zero = _day_zero(obj.get("day_zero"), record_id)
    mask = 0
    for name, bit in _FLAG_BITS:
        value = obj.get(name)
        if value is True:
            mask |= bit
        elif value is not None and value is not False:
            raise LineError(f'"{name}" must be true or false, not {value!r}', record_id)
    reports = reports_for_mask(jurisdiction, product_type, day_zero, mask, rules=rules)
    return {"id": record_id, "reports": [r.to_json() for r in reports]}


def _day_zero(raw: Any, record_id: Any) -> dt.date:
    if not isinstance(raw, str) or not _DATE.fullmatch(raw):
        raise LineError(f'"day_zero" must be a YYYY-MM-DD date, not {raw!r}', record_id)
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        raise LineError(f'"day_zero" {raw!r} is not a calendar date', record_id) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise LineError(f'"day_zero" must fall in {MIN_YEAR}-{MAX_YEAR}', record_id)
    return day


def deadlines_lines(
    lines: Iterable[str | bytes], out: IO[str], err: IO[str], rules: RuleSet | None = None
) -> DeadlinesReport:
    """Evaluate each JSONL line of `lines` and write one JSON object per line to `out`.

    Lines may be bytes (files are read in binary so one undecodable line is reported as that
    line's error instead of aborting the whole batch).
    """
    ruleset = rules or load_rules()
    report = DeadlinesReport()
    loads, write = json.loads, out.write
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            text = raw if isinstance(raw, str) else _decode(raw)
            try:
                obj = loads(text)
            except json.JSONDecodeError as exc:
                raise LineError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
            result = evaluate_object(obj, ruleset)
        except LineError as exc:
            message = f"line {number}: {exc}"
            report.invalid.append(message)
            err.write(f"caredesk safety deadlines: {message}\n")
            if exc.record_id is not _NO_ID:
                write(json_line({"id": exc.record_id, "error": str(exc)}) + "\n")
            continue
        write(json_line(result) + "\n")
        report.evaluated += 1
    return report


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineError(f"not UTF-8 text (byte {exc.start + 1})") from None
