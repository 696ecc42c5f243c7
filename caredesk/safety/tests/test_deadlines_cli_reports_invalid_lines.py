"""`caredesk safety deadlines` keeps going past bad lines: each is named on stderr with its line
number (no traceback), keeps its place in the output when it has an id, and the exit code is 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from caredesk.safety.reportability.batch import deadlines_lines

GOOD = {"id": "ok", "jurisdiction": "US", "product_type": "rx_drug", "day_zero": "2026-07-02",
        "serious": True}  # fmt: skip


def _run(lines: list[str]) -> tuple[list[dict], str, int]:
    out, err = io.StringIO(), io.StringIO()
    report = deadlines_lines([line.encode() for line in lines], out, err)
    code = 2 if report.invalid else 0
    return [json.loads(x) for x in out.getvalue().splitlines()], err.getvalue(), code


BAD_LINES = [
    ("not json", None, "line 1: not valid JSON"),
    ("[1, 2]", None, "line 1: not a JSON object"),
    ('{"jurisdiction": "US"}', None, 'line 1: missing "id"'),
    (json.dumps({**GOOD, "id": 5, "jurisdiction": "UK"}), 5, "jurisdiction"),
    (json.dumps({**GOOD, "id": 6, "jurisdiction": "us"}), 6, "jurisdiction"),
    (json.dumps({**GOOD, "id": 7, "product_type": "cosmetic"}), 7, "product_type"),
    (json.dumps({**GOOD, "id": 8, "day_zero": "2026-02-30"}), 8, "not a calendar date"),
    (json.dumps({**GOOD, "id": 9, "day_zero": "02/07/2026"}), 9, "YYYY-MM-DD"),
    (json.dumps({**GOOD, "id": 10, "day_zero": "20260702"}), 10, "YYYY-MM-DD"),
    (json.dumps({**GOOD, "id": 11, "day_zero": None}), 11, "YYYY-MM-DD"),
    (json.dumps({**GOOD, "id": 12, "serious": "yes"}), 12, '"serious" must be true or false'),
    (json.dumps({**GOOD, "id": 13, "death": 1}), 13, '"death" must be true or false'),
    (json.dumps({**GOOD, "id": 14, "day_zero": "9999-12-31"}), 14, "must fall in"),
]


@pytest.mark.parametrize(("line", "record_id", "message"), BAD_LINES)
def test_each_kind_of_invalid_line_is_reported(line, record_id, message):
    out, err, code = _run([line, json.dumps(GOOD)])
    assert code == 2
    assert message in err and "line 1" in err
    assert "Traceback" not in err
    expected_ids = ([record_id] if record_id is not None else []) + ["ok"]
    assert [o["id"] for o in out] == expected_ids
    if record_id is not None:
        assert "error" in out[0] and "reports" not in out[0]
    assert out[-1]["reports"][0]["kind"] == "us_rx_15_day_alert"


def test_line_numbers_count_blank_lines_and_valid_lines_keep_their_order():
    lines = [json.dumps({**GOOD, "id": 1}), "", "{oops", json.dumps({**GOOD, "id": 2})]
    out, err, code = _run(lines)
    assert code == 2
    assert "line 3: not valid JSON" in err
    assert [o["id"] for o in out] == [1, 2]


def test_undecodable_bytes_are_one_bad_line():
    out, err = io.StringIO(), io.StringIO()
    report = deadlines_lines([b"\xff\xfe{", json.dumps(GOOD).encode()], out, err)
    assert report.invalid == ["line 1: not UTF-8 text (byte 1)"]
    assert report.evaluated == 1


def test_the_management_command_exits_2_on_invalid_lines(tmp_path: Path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("garbage\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        call_command("safety", "deadlines", "--in", str(src), "--out", str(dst))
    assert exited.value.code == 2
    assert [json.loads(x)["id"] for x in dst.read_text().splitlines()] == ["ok"]


@pytest.mark.slow
def test_the_caredesk_command_reads_stdin_and_writes_stdout():
    lines = json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "id": "bad", "product_type": "x"})
    done = subprocess.run(
        [sys.executable, "-m", "caredesk.cli", "safety", "deadlines", "--in", "-", "--out", "-"],
        input=lines + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    out = [json.loads(x) for x in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["ok", "bad"]
    assert out[0]["reports"][0] == {
        "kind": "us_rx_15_day_alert",
        "due": "2026-07-17",
        "basis": out[0]["reports"][0]["basis"],
    }
    assert "line 2" in done.stderr and "Traceback" not in done.stderr
