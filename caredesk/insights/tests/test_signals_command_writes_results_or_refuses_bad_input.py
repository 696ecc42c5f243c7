"""`caredesk signals --in REPORTS.csv --out RESULTS.csv [--theta …] [--theta-out …]` (design.md).

Bad input is a CommandError before anything is written; the results are written whole.
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caredesk.insights.signals import gps

HEADER = ["product", "event", "N", "E", "PRR", "ROR", "ROR_LO", "ROR_HI"]
HEADER += ["IC", "EBGM", "EB05", "EB95"]
THETA = "0.2,0.1,2,4,0.3333"


def _reports(tmp_path: Path, rows: int = 60) -> Path:
    """A few products and events, one strong pair (P0/E0), written with csv.writer."""
    path = tmp_path / "reports.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["report_id", "product", "event"])
        for r in range(rows):
            product = f"P{r % 4}"
            out.writerow([f"R{r}", product, "E0" if r % 4 == 0 else f"E{r % 7}"])
            out.writerow([f"R{r}", "Comma, Inc. tablets", f"E{r % 5}"])
    return path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == HEADER
        return list(reader)


def test_results_have_the_contract_header_and_one_row_per_pair(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    call_command("signals", "--in", str(_reports(tmp_path)), "--out", str(out))
    rows = _read(out)
    pairs = [(r["product"], r["event"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert pairs == sorted(pairs)
    assert ("Comma, Inc. tablets", "E0") in pairs  # a comma in a name survives the round trip
    strong = next(r for r in rows if (r["product"], r["event"]) == ("P0", "E0"))
    assert int(strong["N"]) == 15
    # every P0 report has E0 (b = 0): ROR is infinite and Woolf's interval undefined
    assert (strong["ROR"], strong["ROR_LO"], strong["ROR_HI"]) == ("inf", "", "")
    for key in ("E", "PRR", "IC", "EBGM", "EB05", "EB95"):
        assert math.isfinite(float(strong[key]))


def test_theta_skips_the_fit_and_theta_out_records_it(tmp_path: Path) -> None:
    out, theta_out = tmp_path / "results.csv", tmp_path / "theta.json"
    call_command(
        "signals",
        "--in",
        str(_reports(tmp_path)),
        "--out",
        str(out),
        "--theta",
        THETA,
        "--theta-out",
        str(theta_out),
    )
    written = json.loads(theta_out.read_text())
    assert set(written) == {"alpha1", "beta1", "alpha2", "beta2", "P", "neg_log_likelihood"}
    assert (written["alpha1"], written["beta2"], written["P"]) == (0.2, 4.0, 0.3333)
    row = _read(out)[0]
    n, e = np.array([float(row["N"])]), np.array([float(row["E"])])
    post = gps.posterior(gps.Prior(0.2, 0.1, 2, 4, 0.3333), n, e)
    assert float(row["EBGM"]) == pytest.approx(post.ebgm[0], rel=1e-9)
    assert float(row["EB05"]) == pytest.approx(post.eb05[0], rel=1e-9)


def test_theta_out_of_a_fit_holds_its_likelihood(tmp_path: Path) -> None:
    out, theta_out = tmp_path / "results.csv", tmp_path / "theta.json"
    call_command(
        "signals",
        "--in",
        str(_reports(tmp_path, 200)),
        "--out",
        str(out),
        "--theta-out",
        str(theta_out),
    )
    fitted = json.loads(theta_out.read_text())
    assert 0 < fitted["P"] <= 0.5
    rows = _read(out)
    n = np.array([float(r["N"]) for r in rows])
    e = np.array([float(r["E"]) for r in rows])
    prior = gps.Prior(*(fitted[k] for k in ("alpha1", "beta1", "alpha2", "beta2", "P")))
    assert gps.neg_log_likelihood(prior, n, e) == pytest.approx(
        fitted["neg_log_likelihood"], rel=1e-6
    )
    # the fit is a maximum: nudging any hyperparameter does not lower the NLL
    for k in range(5):
        values = [prior.alpha1, prior.beta1, prior.alpha2, prior.beta2, prior.p]
        values[k] *= 1.02
        assert gps.neg_log_likelihood(gps.Prior(*values), n, e) >= fitted["neg_log_likelihood"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("report,product,event\nR1,A,X\n", "header must be report_id,product,event"),
        ("report_id,product\nR1,A\n", "header must be"),
        ("report_id,product,event,extra\nR1,A,X,1\n", "header must be"),
        ("report_id,product,event\nR1,A,X\nR2,B\n", "line 3: expected 3 fields"),
        ("report_id,product,event\nR1,A,X\nR2,B,Y,Z\n", "line 3: expected 3 fields"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    tmp_path: Path, content: str, message: str
) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "results.csv"
    source.write_text(content)
    out.write_text("previous results\n")
    with pytest.raises(CommandError, match=message):
        call_command(
            "signals",
            "--in",
            str(source),
            "--out",
            str(out),
            "--theta-out",
            str(tmp_path / "theta.json"),
        )
    assert out.read_text() == "previous results\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "results.csv"]


@pytest.mark.parametrize(
    "args",
    [
        ["--theta", "1,2,3"],
        ["--theta", "1,2,3,4,1.5"],
        ["--theta", "0,1,1,1,0.5"],
        ["--theta", "a,b,c,d,e"],
    ],
)
def test_bad_theta_is_refused(tmp_path: Path, args: list[str]) -> None:
    with pytest.raises(CommandError, match="--theta"):
        call_command(
            "signals", "--in", str(_reports(tmp_path)), "--out", str(tmp_path / "o.csv"), *args
        )
    assert not (tmp_path / "o.csv").exists()


def test_missing_file_and_missing_options_are_clear(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command("signals", "--in", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "o"))
    with pytest.raises(CommandError, match=r"needs --in REPORTS\.csv and --out RESULTS\.csv"):
        call_command("signals", "--in", str(tmp_path / "nope.csv"))


def test_bom_crlf_quotes_duplicates_and_empty_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(
        b"\xef\xbb\xbfreport_id,product,event\r\n"
        b'R1,"Aspirin, 500 mg",Headache\r\n'
        b'R1,"Aspirin, 500 mg",Headache\r\n'
        b"R2,Ibuprofen,Headache\r\n"
        b'R3,"Say ""no""",Nausea\r\n'
        b"R4,,Nausea\r\n"
        b",Ibuprofen,Nausea\r\n"
    )
    call_command("signals", "--in", str(source), "--out", "-", "--theta", THETA)
    captured = capsys.readouterr()
    rows = list(csv.DictReader(captured.out.splitlines()))
    pairs = {(r["product"], r["event"]): r for r in rows}
    assert set(pairs) == {
        ("Aspirin, 500 mg", "Headache"),
        ("Ibuprofen", "Headache"),
        ('Say "no"', "Nausea"),
    }
    assert pairs[("Aspirin, 500 mg", "Headache")]["N"] == "1"
    # R4 names no product but is one of the 4 reports, and one of the 2 with Nausea
    assert pairs[("Aspirin, 500 mg", "Headache")]["E"] == "0.5"  # 1 x 2 / 4 reports
    assert pairs[('Say "no"', "Nausea")]["E"] == "0.5"  # 1 x 2 / 4
    assert pairs[('Say "no"', "Nausea")]["PRR"] == "3"  # (1/1) / (1/3): c = R4, d = R1, R2
    assert "skipped 1 rows without a report_id" in captured.err
    assert "1 rows with an empty product or event" in captured.err


def test_forked_reading_and_formatting_write_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, single, forked = tmp_path / "in.csv", tmp_path / "one.csv", tmp_path / "forked.csv"
    source.write_bytes(_reports(tmp_path, 500).read_bytes())
    call_command("signals", "--in", str(source), "--out", str(single), "--theta", THETA)
    from caredesk.insights.signals import (
        disproportionality_cli,
        reports_csv,
    )
    from caredesk.insights.signals import (
        forked as forked_module,
    )

    monkeypatch.setattr(forked_module, "cpus", lambda: 3)
    monkeypatch.setattr(reports_csv, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(disproportionality_cli, "PARALLEL_ITEMS", 0)
    call_command("signals", "--in", str(source), "--out", str(forked), "--theta", THETA)
    assert forked.read_bytes() == single.read_bytes()


def test_reports_from_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"report_id,product,event\nR1,A,X\nR2,A,Y\nR3,B,X\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    call_command("signals", "--in", "-", "--out", "-", "--theta", THETA)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[:3] for line in lines[1:]] == [
        ["A", "X", "1"],
        ["A", "Y", "1"],
        ["B", "X", "1"],
    ]
