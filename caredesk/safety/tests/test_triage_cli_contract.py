"""`caredesk triage` reads JSONL and writes one screened object per valid line (stable contract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

REQUIRED = {
    "adverse_event": bool,
    "special_situations": list,
    "product_complaint": bool,
    "tampering": bool,
    "seriousness": list,
    "evidence": list,
}


def _run(tmp_path: Path, lines: list[str]) -> tuple[list[dict], int]:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = 0
    try:
        call_command("triage", "--in", str(src), "--out", str(dst))
    except CommandError as exc:
        code = exc.returncode
    return [json.loads(x) for x in dst.read_text(encoding="utf-8").splitlines()], code


def test_every_output_line_echoes_the_id_and_carries_the_contract_fields(tmp_path):
    lines = [
        json.dumps({"id": 1, "text": "I felt dizzy after the first dose."}),
        json.dumps({"id": "b", "text": "Where is my order?", "program": "ACME-US"}),
    ]
    out, code = _run(tmp_path, lines)
    assert code == 0
    assert [o["id"] for o in out] == [1, "b"]
    for obj in out:
        for key, kind in REQUIRED.items():
            assert isinstance(obj[key], kind), key
        assert obj["complaint_category"] is None or isinstance(obj["complaint_category"], str)
        for span in obj["evidence"]:
            assert set(span) == {"start", "end", "label"}
    assert out[0]["adverse_event"] is True
    assert out[1]["adverse_event"] is False


def test_invalid_lines_are_reported_and_valid_lines_are_kept(tmp_path, capsys):
    lines = [
        "this is not json",
        json.dumps({"id": 7}),
        json.dumps({"text": "no id here"}),
        json.dumps({"id": 8, "text": "My dog vomited after the chew."}),
    ]
    out, code = _run(tmp_path, lines)
    assert code == 2
    err = capsys.readouterr().err
    assert "line 1" in err and "line 2" in err and "line 3" in err
    assert "Traceback" not in err
    assert out[0] == {"id": 7, "error": 'missing "text" (a string)'}
    assert out[1]["id"] == 8 and out[1]["adverse_event"] is True


def test_missing_input_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot open"):
        call_command("triage", "--in", str(tmp_path / "absent.jsonl"), "--out", "-")


def test_dash_means_stdin_and_stdout():
    proc = subprocess.run(
        [sys.executable, "-m", "caredesk.cli", "triage", "--in", "-", "--out", "-"],
        input=json.dumps({"id": 3, "text": "The safety seal was broken."}) + "\nnope\n",
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 2
    out = json.loads(proc.stdout.splitlines()[0])
    assert out["id"] == 3 and out["tampering"] is True
    assert "line 2" in proc.stderr and "Traceback" not in proc.stderr
