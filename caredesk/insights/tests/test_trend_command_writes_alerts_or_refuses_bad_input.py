"""`caredesk signals trend --in EVENTS.csv --out ALERTS.csv` (design.md): the file contract.

Bad input is a CommandError naming the line, the exit status is non-zero, and nothing is
written (an older ALERTS.csv stays as it was, no temporary file is left behind).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caredesk import cli

HEADER = ["date", "product", "lot", "event", "reporter_id"]
OUT_HEADER = ["product", "lot", "event", "first_alert_date", "reports", "method"]
START = dt.date(2024, 1, 1)


def _events(tmp_path: Path, extra: list[list[str]] | None = None) -> Path:
    """200 quiet days of one product (names with commas survive), then a cluster in lot B-2."""
    rng = random.Random(11)
    rows: list[list[str]] = []
    for day in range(200):
        date = (START + dt.timedelta(day)).isoformat()
        for event in ("broken seal", "odd taste", "nausea", "rash"):
            if rng.random() < 0.3:
                lot = rng.choice(["", "B-1", "B-2", "B-3"])
                rows.append([date, "Acme, syrup 100 ml", lot, event, f"r{len(rows)}"])
    for day in range(160, 166):
        date = (START + dt.timedelta(day)).isoformat()
        rows += [[date, "Acme, syrup 100 ml", "B-2", "odd taste", f"c{day}-{k}"] for k in range(2)]
    rows += extra or []
    rng.shuffle(rows)  # the command sorts by date itself
    path = tmp_path / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == OUT_HEADER
        return list(reader)


def test_a_lot_cluster_is_one_row_with_its_first_day_reports_and_method(tmp_path: Path) -> None:
    out = tmp_path / "alerts.csv"
    call_command("signals", "trend", "--in", str(_events(tmp_path)), "--out", str(out))
    rows = _read(out)
    assert [(r["product"], r["lot"], r["event"], r["method"]) for r in rows] == [
        ("Acme, syrup 100 ml", "B-2", "odd taste", "lot-window")
    ]
    first = dt.date.fromisoformat(rows[0]["first_alert_date"])
    assert START + dt.timedelta(160) <= first <= START + dt.timedelta(166)
    assert int(rows[0]["reports"]) >= 3


def test_repeated_reports_of_one_reporter_do_not_change_the_answer(tmp_path: Path) -> None:
    plain, repeated = tmp_path / "plain.csv", tmp_path / "repeated.csv"
    source = _events(tmp_path)
    call_command("signals", "trend", "--in", str(source), "--out", str(plain))
    with source.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    with repeated.open("w", encoding="utf-8") as handle:  # every report filed three times
        handle.write("\n".join([lines[0], *(line for line in lines[1:] for _ in range(3))]))
    out = tmp_path / "repeated-alerts.csv"
    call_command("signals", "trend", "--in", str(repeated), "--out", str(out))
    assert _read(out) == _read(plain)


@pytest.mark.parametrize("content", [",".join(HEADER) + "\n", "", "\n"])
def test_header_only_or_empty_input_gives_the_header_only(tmp_path: Path, content: str) -> None:
    source, out = tmp_path / "events.csv", tmp_path / "alerts.csv"
    source.write_text(content, encoding="utf-8")
    call_command("signals", "trend", "--in", str(source), "--out", str(out))
    assert out.read_text(encoding="utf-8") == ",".join(OUT_HEADER) + "\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("date,product,event,reporter_id\n2024-01-01,P,E,r\n", "line 1: header"),
        (",".join(HEADER) + "\n2024-01-01,P,L,E,r\n2024-13-01,P,L,E,r\n", "line 3"),
        (",".join(HEADER) + "\n2024-01-01,P,L,E,r\n01/02/2024,P,L,E,r\n", "line 3"),
        (",".join(HEADER) + "\n2024-01-01,P,L,E\n", "line 2: 4 fields"),
        (",".join(HEADER) + "\n2024-01-01,,L,E,r\n", "line 2: product is empty"),
        (",".join(HEADER) + "\n2024-01-01,P,L,,r\n", "line 2: event is empty"),
    ],
)
def test_bad_input_is_refused_and_the_old_output_is_untouched(
    tmp_path: Path, content: str, message: str
) -> None:
    source, out = tmp_path / "events.csv", tmp_path / "alerts.csv"
    source.write_text(content, encoding="utf-8")
    out.write_text("an older result\n", encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("signals", "trend", "--in", str(source), "--out", str(out))
    assert out.read_text(encoding="utf-8") == "an older result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alerts.csv", "events.csv"]


def test_the_caredesk_command_exits_non_zero_on_bad_input(tmp_path: Path, capsys) -> None:
    source, out = tmp_path / "events.csv", tmp_path / "alerts.csv"
    source.write_text("date,product\n", encoding="utf-8")
    status = cli.main(["signals", "trend", "--in", str(source), "--out", str(out)])
    assert status != 0
    assert "header" in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_input_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command(
            "signals", "trend", "--in", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o")
        )
