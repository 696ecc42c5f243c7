"""EVENTS.csv in, ALERTS.csv out, for `caredesk signals trend` (contract in design.md).

Input header `date,product,lot,event,reporter_id`; one row per report by received date (rows
need not be sorted: they are grouped by day, keeping file order within a day). `date` is
YYYY-MM-DD; `product` and `event` are required; an empty `lot` means the lot is unknown (the
report counts product-wide only); an empty `reporter_id` cannot be matched to other reports, so
that row counts as its own reporter. Any bad row stops the run with its line number. An empty
file, like a header-only one, holds no reports: the output is the header alone.

Output header `product,lot,event,first_alert_date,reports,method`, one row per alerted series,
ordered by date, product, lot, event. It is written to a temporary file beside the target and
renamed over it, so a failed run never leaves a half-written ALERTS.csv.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from caredesk.insights.signals.trend import Alert, Row

INPUT_HEADER = ("date", "product", "lot", "event", "reporter_id")
OUTPUT_HEADER = ("product", "lot", "event", "first_alert_date", "reports", "method")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class TrendInputError(ValueError):
    """EVENTS.csv cannot be read as the contract says; the message names the line."""


def read_events(handle: TextIO) -> list[tuple[dt.date, list[Row]]]:
    """Parse EVENTS.csv into (day, rows) in increasing day order."""
    reader = csv.reader(handle)
    header = next(reader, None)
    while header is not None and not any(h.strip() for h in header):
        header = next(reader, None)  # blank lines before the header
    if header is None:  # an empty file, like a header-only one, has no reports
        return []
    cleaned = tuple(h.strip().lstrip("\ufeff").lower() for h in header)
    if cleaned != INPUT_HEADER:
        raise TrendInputError(
            f"line 1: header is {','.join(header)!r}; expected {','.join(INPUT_HEADER)!r}"
        )
    by_day: dict[dt.date, list[Row]] = defaultdict(list)
    for fields in reader:
        if not fields or all(not f.strip() for f in fields):
            continue
        day, row = _parse_row(fields, reader.line_num)
        by_day[day].append(row)
    return sorted(by_day.items())


def _parse_row(fields: list[str], line: int) -> tuple[dt.date, Row]:
    if len(fields) != len(INPUT_HEADER):
        raise TrendInputError(f"line {line}: {len(fields)} fields; expected {len(INPUT_HEADER)}")
    date_text, product, lot, event, reporter = (f.strip() for f in fields)
    if not _DATE.fullmatch(date_text):
        raise TrendInputError(f"line {line}: date {date_text!r} is not YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(date_text)
    except ValueError as exc:
        raise TrendInputError(f"line {line}: date {date_text!r} is not a valid day") from exc
    if not product:
        raise TrendInputError(f"line {line}: product is empty")
    if not event:
        raise TrendInputError(f"line {line}: event is empty")
    return day, (product, lot, event, reporter or f"\0anonymous-line-{line}")


def load_events(path: str) -> list[tuple[dt.date, list[Row]]]:
    """Read EVENTS.csv from a path (`-` is stdin)."""
    try:
        if path == "-":  # UTF-8 whatever the locale, and newline="" for quoted line breaks
            stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
            try:
                return read_events(stdin)
            finally:
                stdin.detach()  # sys.stdin stays open
        with open(path, encoding="utf-8", newline="") as handle:
            return read_events(handle)
    except OSError as exc:
        raise TrendInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise TrendInputError(f"{path} is not UTF-8 text: {exc}") from exc


def write_alerts(alerts: Iterable[Alert], handle: TextIO) -> None:
    """ALERTS.csv rows, sorted by date, product, lot, event."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(OUTPUT_HEADER)
    ordered = sorted(alerts, key=lambda a: (a.first_alert_date, a.product, a.lot, a.event))
    for a in ordered:
        date = a.first_alert_date.isoformat()
        writer.writerow((a.product, a.lot, a.event, date, a.reports, a.method))


def save_alerts(alerts: Iterable[Alert], path: str) -> None:
    """Write ALERTS.csv atomically (temporary file in the same folder, then rename)."""
    if path == "-":
        write_alerts(alerts, sys.stdout)
        return
    if os.path.exists(path) and not os.path.isfile(path):
        # /dev/stdout, a named pipe: written as they are (a rename over /dev/stdout would
        # replace the device link itself as root, and fail for anyone else).
        with open(path, "w", encoding="utf-8", newline="") as handle:
            write_alerts(alerts, handle)
        return
    target = Path(os.path.realpath(path))  # a symbolic link is written through, not replaced
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write_alerts(alerts, handle)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
