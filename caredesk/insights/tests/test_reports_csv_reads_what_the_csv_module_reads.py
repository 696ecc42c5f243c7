"""The fast REPORTS.csv reader gives the rows Python's csv module gives, however the file is cut.

Chunks are made tiny so that chunk ends fall everywhere: inside quoted fields, beside CRLF,
on lines with and without quotes.
"""

from __future__ import annotations

import csv
import io
import random

import pytest

from caredesk.insights.signals import reports_csv
from caredesk.insights.signals.reports_csv import ReportsFormatError, parse_reports

NAMES = ["Aspirin", "Aspirin, 500 mg", 'Say "no"', "Two\nlines", "Café ☕", "x", "Ibu", "  pad "]


def _rows(seed: int, count: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    return [
        (f"R{rng.randrange(40)}", rng.choice(NAMES), rng.choice(NAMES[::-1])) for _ in range(count)
    ]


def _decoded(data: bytes) -> list[tuple[str, str, str]]:
    rows = parse_reports(data)
    return [
        (str(r), rows.products[p], rows.events[e])
        for r, p, e in zip(
            rows.report.tolist(), rows.product.tolist(), rows.event.tolist(), strict=True
        )
    ]


def _write(rows: list[tuple[str, str, str]], terminator: str, quoting: int) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator, quoting=quoting)
    writer.writerow(["report_id", "product", "event"])
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.mark.parametrize("chunk", [16, 97, 1 << 24])
@pytest.mark.parametrize("terminator", ["\n", "\r\n"])
@pytest.mark.parametrize("quoting", [csv.QUOTE_MINIMAL, csv.QUOTE_ALL])
def test_same_rows_as_the_csv_module(
    monkeypatch: pytest.MonkeyPatch, chunk: int, terminator: str, quoting: int
) -> None:
    monkeypatch.setattr(reports_csv, "CHUNK", chunk)
    rows = _rows(chunk, 300)
    got = _decoded(_write(rows, terminator, quoting))
    # report codes are dense ids: compare products and events, and report identity by position
    assert [(p, e) for _, p, e in got] == [(p, e) for _, p, e in rows]
    first_code: dict[str, str] = {}
    for (code, _, _), (report, _, _) in zip(got, rows, strict=True):
        assert first_code.setdefault(report, code) == code
    assert len(set(first_code.values())) == len(first_code)


@pytest.mark.parametrize("parts", [2, 3, 7])
def test_the_same_rows_when_read_in_forked_parts(
    monkeypatch: pytest.MonkeyPatch, parts: int
) -> None:
    rows = _rows(parts, 400)
    data = _write(rows, "\r\n", csv.QUOTE_MINIMAL)
    monkeypatch.setattr(reports_csv, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(reports_csv, "CHUNK", 50)
    monkeypatch.setattr(reports_csv.forked, "cpus", lambda: parts)
    assert _same_reports(_decoded(data), rows)


def _same_reports(got: list[tuple[str, str, str]], rows: list[tuple[str, str, str]]) -> bool:
    """Same products and events row by row, and report codes equal exactly where ids are."""
    assert [(p, e) for _, p, e in got] == [(p, e) for _, p, e in rows]
    pairs = {(code, report) for (code, _, _), (report, _, _) in zip(got, rows, strict=True)}
    return len(pairs) == len({c for c, _ in pairs}) == len({r for _, r in pairs})


def test_a_bad_row_in_a_later_part_names_its_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports_csv, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(reports_csv.forked, "cpus", lambda: 3)
    lines = [f"R{i},P{i % 3},E{i % 4}" for i in range(300)]
    lines[250] = "R250,P1"
    with pytest.raises(ReportsFormatError, match="line 252: expected 3 fields"):
        parse_reports(("report_id,product,event\n" + "\n".join(lines) + "\n").encode())


def test_plain_rows_without_quotes_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> list[bytes]:
        raise AssertionError("the csv module was used")

    monkeypatch.setattr(reports_csv, "_csv_fields", refuse)
    data = b"event,report_id,product\n" + b"".join(
        f"E{i % 3},R{i},P{i % 5}\n".encode() for i in range(1000)
    )
    rows = parse_reports(data)
    assert rows.events[rows.event[7]] == "E1" and rows.products[rows.product[7]] == "P2"
    assert len(rows.report) == 1000


def test_fields_cannot_shift_between_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports_csv, "CHUNK", 1 << 24)
    data = b"report_id,product,event\nR1,A,X,extra\nR2,B\nR3,C,Z\n"  # 3 + 3 commas in total
    with pytest.raises(ReportsFormatError, match="line 2: expected 3 fields"):
        parse_reports(data)


def test_blank_lines_are_ignored_and_bytes_survive() -> None:
    rows = parse_reports(b"report_id,product,event\n\nR1,A\xff,X\n\n")
    assert rows.products == ["A\udcff"]
    assert rows.products[0].encode("utf-8", "surrogateescape") == b"A\xff"
