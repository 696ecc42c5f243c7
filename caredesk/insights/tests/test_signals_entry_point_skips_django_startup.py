"""The `caredesk` entry point runs `signals --in … --out …` without starting Django, with the
management command's output and errors; anything else still goes through Django."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[3]
THETA = "0.2,0.1,2,4,0.3333"


def _reports(tmp_path: Path) -> Path:
    path = tmp_path / "reports.csv"
    lines = ["report_id,product,event"]
    for r in range(40):
        lines += [f"R{r},P{r % 3},E{r % 5}", f'R{r},"Comma, Inc.",E{r % 2}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _entry_point(*args: str) -> subprocess.CompletedProcess[str]:
    """`caredesk <args>` in a fresh interpreter; prints whether Django's apps were loaded."""
    code = (
        "import sys, django.apps\n"
        "from caredesk.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print('apps loaded:', django.apps.apps.ready, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    env = {**os.environ, "CAREDESK_ENV": "test"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_entry_point_writes_what_the_management_command_writes(tmp_path: Path) -> None:
    source = _reports(tmp_path)
    fast, slow = tmp_path / "fast.csv", tmp_path / "slow.csv"
    done = _entry_point("signals", "--in", str(source), "--out", str(fast), "--theta", THETA)
    assert done.returncode == 0, done.stderr
    assert "apps loaded: False" in done.stderr
    call_command("signals", "--in", str(source), "--out", str(slow), "--theta", THETA)
    assert fast.read_bytes() == slow.read_bytes()


def test_errors_are_django_command_errors_with_exit_status_1(tmp_path: Path) -> None:
    done = _entry_point("signals", "--in", str(tmp_path / "nope.csv"), "--out", "x.csv")
    assert done.returncode == 1
    assert "CommandError: " in done.stderr and "cannot read" in done.stderr
    assert "apps loaded: False" in done.stderr


def test_other_command_lines_still_go_through_django(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("date,product,lot,event,reporter_id\n", encoding="utf-8")
    out = tmp_path / "alerts.csv"
    done = _entry_point("signals", "trend", "--in", str(events), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "apps loaded: True" in done.stderr
    assert out.read_text(encoding="utf-8").startswith("product,lot,event,first_alert_date")
