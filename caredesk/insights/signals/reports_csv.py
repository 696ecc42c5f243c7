"""REPORTS.csv (`report_id,product,event`) read into integer codes, fast.

The disproportionality scores only need, per row, which report, which product and which event:
three integer codes and the three lists of distinct names. Python's `csv` module costs about a
microsecond a row (5 s on five million rows) before any counting, so the common case is read
with bytes operations that run in C:

- the file is cut into ~16 MB chunks at line ends (never inside a quoted field: the count of
  `"` before the cut is even);
- a chunk without `"` is split on `\\n` and `,` in one `bytes.split`, after a numpy check that
  every line holds exactly two commas (so fields cannot shift between lines);
- a chunk with quoted lines has only those lines parsed by `csv`; a chunk with anything else
  (blank lines, a lone CR, a quoted line break, a wrong field count) goes through `csv` whole,
  which also gives the line number of a bad row;
- each column is turned into codes by a dict lookup mapped in C (`map(dict.__getitem__)`), the
  dict adding an unseen name on a miss;
- a file over 32 MB is read in parts, one per idle CPU, in forked processes (`forked`); the
  parts' codes are merged through their name lists.

Names are kept as the file's bytes and decoded once per distinct name (UTF-8; undecodable bytes
survive through `surrogateescape` and are written back unchanged). A leading BOM is dropped; the
header may list the three columns in any order and any case, but exactly those three. A row
without a report id is skipped (counted); a row with an empty product or event still makes its
report one of "all reports" and counts in the other cell's margin, but forms no pair.
"""

from __future__ import annotations

import csv
import gc
import io
import itertools
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from caredesk.insights.signals import forked

COLUMNS = ("report_id", "product", "event")
CHUNK = 1 << 24
PARALLEL_BYTES = 32 << 20  # below this, forking costs more than it saves
BOM = b"\xef\xbb\xbf"


class ReportsFormatError(ValueError):
    """The input is not REPORTS.csv: bad header, wrong field count, unreadable."""


class _Codes(dict[bytes, int]):
    """Name → code; an unseen name gets the next code (`__missing__` runs only on a miss)."""

    def __missing__(self, key: bytes) -> int:
        code = self[key] = len(self)
        return code


def _encode(codes: _Codes, values: list[bytes]) -> NDArray[np.int64]:
    """Codes of `values` (a dict lookup per value, mapped in C), adding unseen names.

    (Looking up only the first row of each run of equal report ids was tried: comparing
    neighbours cost more than the lookups it saved, 0.11 s against 0.03 s per 16 MB chunk.)"""
    return np.fromiter(map(codes.__getitem__, values), np.int64, count=len(values))


@dataclass(frozen=True)
class ReportRows:
    """Rows as codes into `products` / `events`; `report` codes are only compared for equality."""

    report: NDArray[np.int64]
    product: NDArray[np.int64]
    event: NDArray[np.int64]
    products: list[str]
    events: list[str]
    skipped: int = 0  # rows without a report id
    no_product: int | None = None  # the code of an empty product cell, if any
    no_event: int | None = None  # the code of an empty event cell, if any

    def incomplete_rows(self) -> int:
        """Rows of a report with an empty product or event: counted in T and the margins."""
        mask = np.zeros(len(self.report), bool)
        if self.no_product is not None:
            mask |= self.product == self.no_product
        if self.no_event is not None:
            mask |= self.event == self.no_event
        return int(np.count_nonzero(mask))


class _Reader:
    def __init__(self, order: tuple[int, int, int]) -> None:
        self.order = order  # positions of report_id, product, event in a row
        self.codes = (_Codes(), _Codes(), _Codes())
        self.parts: list[tuple[NDArray[np.int64], ...]] = []

    def add_fields(self, fields: list[bytes]) -> None:
        """Fields of whole rows, row after row (3 per row, in file column order)."""
        self.parts.append(
            tuple(
                _encode(codes, fields[pos::3])
                for codes, pos in zip(self.codes, self.order, strict=True)
            )
        )

    def columns(self) -> list[NDArray[np.int64]]:
        """The codes of every row so far, one array per column (report, product, event)."""
        if not self.parts:
            return [np.zeros(0, np.int64) for _ in range(3)]
        return [np.concatenate([part[i] for part in self.parts]) for i in range(3)]

    def result(self) -> ReportRows:
        return _finish(self.columns(), self.codes)


def _finish(cols: list[NDArray[np.int64]], codes: tuple[_Codes, ...]) -> ReportRows:
    """Drop rows without a report id; mark the empty product or event; decode the names."""
    empty_report = codes[0].get(b"")
    skipped = 0
    if empty_report is not None:
        keep = cols[0] != empty_report
        skipped = int(len(keep) - np.count_nonzero(keep))
        cols = [col[keep] for col in cols]
    report, product, event = cols
    products, events = _decode(codes[1]), _decode(codes[2])
    return ReportRows(
        report,
        product,
        event,
        products,
        events,
        skipped=skipped,
        no_product=codes[1].get(b""),
        no_event=codes[2].get(b""),
    )


def _decode(codes: dict[bytes, int]) -> list[str]:
    return [key.decode("utf-8", "surrogateescape") for key in codes]


def _plain_fields(chunk: bytes) -> list[bytes] | None:
    """Fields of a quote-free chunk if every line has exactly three fields, else None."""
    buf = np.frombuffer(chunk, np.uint8)
    ends = np.flatnonzero(buf == 10)
    commas = np.flatnonzero(buf == 44)
    lines = len(ends) + 1
    if len(commas) != 2 * lines:
        return None
    starts = np.concatenate(([-1], ends))
    ends = np.concatenate((ends, [len(buf)]))
    if not (np.all(commas[0::2] > starts) and np.all(commas[1::2] < ends)):
        return None
    return chunk.replace(b"\n", b",").split(b",")


def _quoted_fields(chunk: bytes) -> list[bytes] | None:
    """Fields of a chunk whose quotes all sit on single lines: csv parses only those lines.

    Each quoted line is cut out and replaced by `,,` (three empty fields), the rest is split as
    a plain chunk, and the parsed fields are put back at their rows."""
    buf = np.frombuffer(chunk, np.uint8)
    ends = np.flatnonzero(buf == 10)
    per_line = np.bincount(np.searchsorted(ends, np.flatnonzero(buf == 34)))
    if np.any(per_line % 2):
        return None
    quoted = np.flatnonzero(per_line).tolist()
    starts = np.concatenate(([0], ends + 1))[quoted].tolist()
    stops = np.append(ends, len(buf))[quoted].tolist()
    pieces, texts, previous = [], [], 0
    for start, stop in zip(starts, stops, strict=True):
        pieces += [chunk[previous:start], b",,"]
        texts.append(chunk[start:stop].decode("utf-8", "surrogateescape"))
        previous = stop
    pieces.append(chunk[previous:])
    parsed = list(csv.reader(texts))
    if len(parsed) != len(texts) or any(len(row) != 3 for row in parsed):
        return None
    fields = _plain_fields(b"".join(pieces))
    if fields is None:
        return None
    for index, row in zip(quoted, parsed, strict=True):
        fields[3 * index : 3 * index + 3] = [v.encode("utf-8", "surrogateescape") for v in row]
    return fields


def _csv_fields(chunk: bytes, first_line: int) -> list[bytes]:
    """The slow, exact path: Python's csv, naming the line of a row without three fields."""
    fields: list[bytes] = []
    reader = csv.reader(io.StringIO(chunk.decode("utf-8", "surrogateescape"), newline=""))
    for row in reader:
        if not row:
            continue
        if len(row) != 3:
            line = first_line + reader.line_num - 1
            raise ReportsFormatError(
                f"line {line}: expected 3 fields (report_id,product,event), found {len(row)}"
            )
        fields.extend(v.encode("utf-8", "surrogateescape") for v in row)
    return fields


def _chunks(data: bytes, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """(start, end) spans of whole lines up to `stop`, about CHUNK bytes, never inside quotes."""
    while start < stop:
        end = min(_line_end(data, min(start + CHUNK, stop), start), stop)
        yield start, end
        start = end


def _chunk_fields(chunk: bytes, first_line: int) -> list[bytes]:
    body = chunk[:-1] if chunk.endswith(b"\n") else chunk
    if b"\r" in body:
        body = body.replace(b"\r\n", b"\n")
        body = body[:-1] if body.endswith(b"\r") else body
    if not body:
        return []
    fields = None
    if b"\r" not in body:
        fields = _plain_fields(body) if b'"' not in body else _quoted_fields(body)
    return fields if fields is not None else _csv_fields(chunk, first_line)


def _header(data: bytes) -> tuple[tuple[int, int, int], int]:
    """Column positions of report_id, product, event, and where the data starts."""
    end = data.find(b"\n")
    end = len(data) if end < 0 else end + 1
    line = data[:end].decode("utf-8", "replace").strip("\r\n")
    names = [n.strip().lower() for n in next(csv.reader([line]), [])]
    if sorted(names) != sorted(COLUMNS):
        found = ",".join(names) if line else "an empty file"
        raise ReportsFormatError(f"header must be report_id,product,event; found {found}")
    return (names.index(COLUMNS[0]), names.index(COLUMNS[1]), names.index(COLUMNS[2])), end


def _line_end(data: bytes, target: int, since: int) -> int:
    """The first line end at or after `target` outside quotes (quotes counted from `since`)."""
    size = len(data)
    end = data.find(b"\n", target)
    end = size if end < 0 else end + 1
    quotes = data.count(b'"', since, end)
    while quotes % 2 and end < size:
        nxt = data.find(b"\n", end)
        nxt = size if nxt < 0 else nxt + 1
        quotes += data.count(b'"', end, nxt)
        end = nxt
    return end


def _part_spans(data: bytes, start: int, parts: int) -> list[tuple[int, int]]:
    """`parts` spans of whole lines, about equal in bytes, for separate processes."""
    cuts = [start]
    for k in range(1, parts):
        target = start + (len(data) - start) * k // parts
        cut = _line_end(data, max(target, cuts[-1]), cuts[-1])
        if cuts[-1] < cut < len(data):
            cuts.append(cut)
    cuts.append(len(data))
    return list(itertools.pairwise(cuts))


def _read_part(
    job: tuple[bytes, tuple[int, int, int], list[tuple[int, int]]], part: int
) -> _Reader:
    data, order, spans = job
    begin, stop = spans[part]
    reader = _Reader(order)
    line = 2 + data.count(b"\n", spans[0][0], begin)
    for chunk_begin, chunk_end in _chunks(data, begin, stop):
        chunk = data[chunk_begin:chunk_end]
        reader.add_fields(_chunk_fields(chunk, line))
        line += chunk.count(b"\n")
    return reader


def _merge(readers: list[_Reader]) -> ReportRows:
    """One part's codes are the merged codes; the others' are mapped through their names."""
    codes = readers[0].codes
    cols = [[col] for col in readers[0].columns()]
    for reader in readers[1:]:
        for column, (names, part_col) in enumerate(
            zip(reader.codes, reader.columns(), strict=True)
        ):
            remap = np.fromiter(map(codes[column].__getitem__, names), np.int64, len(names))
            cols[column].append(remap[part_col])
    return _finish([np.concatenate(parts) for parts in cols], codes)


def parse_reports(data: bytes) -> ReportRows:
    """REPORTS.csv bytes → codes. Raises ReportsFormatError with the line of a bad row.

    A file over PARALLEL_BYTES is read in one part per CPU, each in a forked process."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    if not data.strip():  # an empty file, like a header-only one, has no reports
        return _Reader((0, 1, 2)).result()
    order, start = _header(data)
    parts = forked.cpus() if len(data) - start > PARALLEL_BYTES else 1
    spans = _part_spans(data, start, parts)
    collecting = gc.isenabled()
    gc.disable()  # millions of new field objects would run the cyclic collector for nothing
    try:
        readers = forked.fork_map(_read_part, (data, order, spans), len(spans))
    finally:
        if collecting:
            gc.enable()
    return readers[0].result() if len(readers) == 1 else _merge(readers)


def read_reports(path: str) -> ReportRows:
    """Read REPORTS.csv from a path, or from standard input when the path is `-`."""
    if path == "-":
        return parse_reports(sys.stdin.buffer.read())
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ReportsFormatError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return parse_reports(data)


def rows_to_reports(rows: Iterable[tuple[object, str, str]]) -> ReportRows:
    """(report_id, product, event) tuples (program data, FAERS) → the same codes."""
    reader = _Reader((0, 1, 2))
    fields: list[bytes] = []
    for report, product, event in rows:
        fields.extend((str(report).encode(), product.encode(), event.encode()))
    reader.add_fields(fields)
    return reader.result()
