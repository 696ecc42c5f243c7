"""`caredesk signals` and `caredesk signals trend` through the real entry point, as evaluated.

Disproportionality, on six reports whose 2x2 tables are counted by hand (duplicate rows of one
report x product x event count once; T = 6 distinct reports):

    r1 A/X, A/Y, A/X again   r2 A/X twice   r3 B/X   r4 B/Y   r5 C/Z   r6 A/Y, B/Y
    margins: A 3, B 3, C 1; X 3, Y 3, Z 1

    A/X: a=2 b=1 c=1 d=2   E = 3*3/6 = 1.5   PRR = (2/3)/(1/3) = 2   ROR = 2*2/(1*1) = 4
    B/X: a=1 b=2 c=2 d=1   E = 1.5           PRR = 0.5               ROR = 0.25
    C/Z: a=1 b=0 c=0 d=5   E = 1/6           PRR = ROR = inf, Woolf's interval undefined (empty)

EBGM/EB05/EB95 under a given `--theta` are recomputed here from DuMouchel's formulas with
scipy (negative-binomial mixture weight, digamma, gamma-mixture percentiles by root finding),
independently of caredesk.insights.signals.gps; `neg_log_likelihood` is openEBGM's with N* = 1
(each component's negative binomial truncated at zero), summed over the observed pairs.

Reading of "empty input": a zero-byte file is read like a header-only one (no reports), so the
output is the header alone, for both commands.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from scipy import optimize, special, stats

from caredesk.insights.tests.test_trend_alerts_the_lot_or_the_product_never_one_reporter import (
    LOTS,
    START,
    add,
    quiet_history,
)

HEADER = "product,event,N,E,PRR,ROR,ROR_LO,ROR_HI,IC,EBGM,EB05,EB95"
TREND_HEADER = "product,lot,event,first_alert_date,reports,method"
ROWS = """report_id,product,event
r1,A,X
r1,A,Y
r1,A,X
r2,A,X
r2,A,X
r3,B,X
r4,B,Y
r5,C,Z
r6,A,Y
r6,B,Y
"""
THETA = (0.3, 0.2, 2.5, 3.0, 0.25)


def caredesk(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "caredesk.cli", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=120,
        env={**os.environ, "CAREDESK_ENV": "test"},
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode()
    )


def _table(text: str) -> dict[tuple[str, str], dict[str, str]]:
    assert text.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert all(len(r) == 12 and None not in r for r in rows)
    return {(r["product"], r["event"]): r for r in rows}


def _posterior(n: int, e: float) -> tuple[float, float, float]:
    """EBGM, EB05, EB95 of one pair under THETA, from the formulas (not from gps.py)."""
    a1, b1, a2, b2, p = THETA
    f1 = stats.nbinom.pmf(n, a1, b1 / (b1 + e))
    f2 = stats.nbinom.pmf(n, a2, b2 / (b2 + e))
    q = p * f1 / (p * f1 + (1 - p) * f2)
    log_gm = q * (special.digamma(a1 + n) - math.log(b1 + e))
    log_gm += (1 - q) * (special.digamma(a2 + n) - math.log(b2 + e))

    def cdf(x: float) -> float:
        g1 = stats.gamma.cdf(x, a1 + n, scale=1 / (b1 + e))
        return q * g1 + (1 - q) * stats.gamma.cdf(x, a2 + n, scale=1 / (b2 + e))

    def pct(level: float) -> float:
        return optimize.brentq(lambda x: cdf(x) - level, 1e-12, 1e6, xtol=1e-14, rtol=1e-13)

    return math.exp(log_gm), pct(0.05), pct(0.95)


def _nll(pairs: list[tuple[int, float]]) -> float:
    a1, b1, a2, b2, p = THETA
    total = 0.0
    for n, e in pairs:
        f1 = stats.nbinom.pmf(n, a1, b1 / (b1 + e)) / (1 - (b1 / (b1 + e)) ** a1)
        f2 = stats.nbinom.pmf(n, a2, b2 / (b2 + e)) / (1 - (b2 / (b2 + e)) ** a2)
        total -= math.log(p * f1 + (1 - p) * f2)
    return total


def test_hand_counted_table_with_a_given_theta(tmp_path: Path) -> None:
    src, out, theta_out = tmp_path / "r.csv", tmp_path / "o.csv", tmp_path / "t.json"
    src.write_text(ROWS, encoding="utf-8")
    theta = ",".join(map(str, THETA))
    proc = caredesk(
        "signals", "--in", str(src), "--out", str(out), "--theta", theta,
        "--theta-out", str(theta_out),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    table = _table(out.read_text(encoding="utf-8"))
    assert sorted(table) == [("A", "X"), ("A", "Y"), ("B", "X"), ("B", "Y"), ("C", "Z")]
    assert [table[k]["N"] for k in sorted(table)] == ["2", "2", "1", "2", "1"]
    half = 1.96 * math.sqrt(3)  # Woolf: sqrt(1/2 + 1 + 1 + 1/2) and sqrt(1 + 1/2 + 1/2 + 1)
    expected = {
        ("A", "X"): (1.5, 2, 4, 4 * math.exp(-half), 4 * math.exp(half), math.log2(2.5 / 2)),
        ("B", "X"): (1.5, 0.5, 0.25, 0.25 * math.exp(-half), 0.25 * math.exp(half),
                     math.log2(1.5 / 2)),
    }  # fmt: skip
    for key, values in expected.items():
        got = [float(table[key][c]) for c in ("E", "PRR", "ROR", "ROR_LO", "ROR_HI", "IC")]
        assert got == pytest.approx(values, rel=1e-8), key
    cz = table[("C", "Z")]
    assert float(cz["E"]) == pytest.approx(1 / 6, rel=1e-8)
    assert (cz["PRR"], cz["ROR"], cz["ROR_LO"], cz["ROR_HI"]) == ("inf", "inf", "", "")
    assert float(cz["IC"]) == pytest.approx(math.log2(1.5 / (1 / 6 + 0.5)), rel=1e-8)
    for key, row in table.items():
        want = _posterior(int(row["N"]), float(row["E"]))
        got = tuple(float(row[c]) for c in ("EBGM", "EB05", "EB95"))
        assert got == pytest.approx(want, rel=1e-6), key
    written = json.loads(theta_out.read_text(encoding="utf-8"))
    assert list(written) == ["alpha1", "beta1", "alpha2", "beta2", "P", "neg_log_likelihood"]
    assert [written[k] for k in list(written)[:5]] == list(THETA)  # --theta: no fit
    pairs = [(int(r["N"]), float(r["E"])) for r in table.values()]
    assert written["neg_log_likelihood"] == pytest.approx(_nll(pairs), rel=1e-6)


def test_a_fitted_prior_is_the_one_the_scores_use_and_zero_cells_are_inf_or_empty(
    tmp_path: Path,
) -> None:
    theta_out = tmp_path / "t.json"
    rows = ROWS + "r7,D,W\nr8,D,V\n"
    proc = caredesk(
        "signals", "--in", "-", "--out", "-", "--theta-out", str(theta_out),
        stdin=rows.encode(),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    fitted = json.loads(theta_out.read_text(encoding="utf-8"))
    assert set(fitted) == {"alpha1", "beta1", "alpha2", "beta2", "P", "neg_log_likelihood"}
    assert all(math.isfinite(v) for v in fitted.values()) and 0 <= fitted["P"] <= 1
    table = _table(proc.stdout)
    for row in table.values():
        for column in HEADER.split(",")[2:]:
            value = row[column]
            assert value == "" or value == "inf" or math.isfinite(float(value)), (column, row)
    # every D report has W or V, never both: D/W is a=1 b=1 c=0 d=6 (T = 8)
    dw = table[("D", "W")]
    assert (dw["PRR"], dw["ROR"], dw["ROR_LO"], dw["ROR_HI"]) == ("inf", "inf", "", "")


@pytest.mark.parametrize("content", [b"", b"report_id,product,event\n"])
def test_empty_input_gives_the_header_alone(tmp_path: Path, content: bytes) -> None:
    src, out = tmp_path / "r.csv", tmp_path / "o.csv"
    src.write_bytes(content)
    proc = caredesk("signals", "--in", str(src), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8") == HEADER + "\n"


def _history_csv() -> str:
    """A quiet product, then a product-wide rise of E4 spread over every lot and none."""
    rows = quiet_history()
    for day in range(150, 160):
        for k, lot in enumerate(("", *LOTS)[:3]):
            add(rows, day, lot, "E4", f"wide-{day}-{k}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "product", "lot", "event", "reporter_id"])
    for day, day_rows in sorted(rows.items()):
        date = (START + dt.timedelta(day)).isoformat()
        for product, lot, event, reporter in day_rows:
            writer.writerows([[date, product, lot, event, reporter]] * 2)
    return buffer.getvalue()


def test_trend_io_product_wide_row_date_format_and_distinct_reporters() -> None:
    """Every report is filed twice by its reporter: `reports` still counts reporters."""
    text = _history_csv()
    proc = caredesk("signals", "trend", "--in", "-", "--out", "-", stdin=text.encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == TREND_HEADER
    alerts = list(csv.DictReader(io.StringIO(proc.stdout)))
    wide = [a for a in alerts if a["event"] == "E4"]
    assert [(a["product"], a["lot"], a["method"]) for a in wide] == [("P", "", "window")]
    first = wide[0]["first_alert_date"]
    assert dt.date.fromisoformat(first).isoformat() == first  # YYYY-MM-DD
    reporters = {
        row["reporter_id"]
        for row in csv.DictReader(io.StringIO(text))
        if row["event"] == "E4" and row["date"] <= first
    }
    assert int(wide[0]["reports"]) == len(reporters)


@pytest.mark.parametrize("content", [b"", b"date,product,lot,event,reporter_id\r\n"])
def test_trend_empty_input_gives_the_header_alone(content: bytes) -> None:
    proc = caredesk("signals", "trend", "--in", "-", "--out", "-", stdin=content)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == TREND_HEADER + "\n"


def _through_fifo(tmp_path: Path, *args: str, stdin: bytes) -> str:
    """Run `caredesk *args --out FIFO` while a thread reads the FIFO (as `--out /dev/stdout`
    or a shell's process substitution would be read); the FIFO must stay a FIFO."""
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = caredesk(*args, "--out", str(fifo), stdin=stdin)
    reader.join(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # written into, not renamed over
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.fifo"]  # no temporary left
    return received[0].decode("utf-8")


def test_a_non_regular_output_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    text = _through_fifo(tmp_path, "signals", "--in", "-", stdin=ROWS.encode())
    assert text.splitlines()[0] == HEADER and len(text.splitlines()) == 6
    (tmp_path / "out.fifo").unlink()
    trend = _through_fifo(tmp_path, "signals", "trend", "--in", "-", stdin=b"")
    assert trend == TREND_HEADER + "\n"


def test_a_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real, link = tmp_path / "real.csv", tmp_path / "link.csv"
    real.write_text("old\n", encoding="utf-8")
    link.symlink_to(real)
    proc = caredesk("signals", "--in", "-", "--out", str(link), stdin=ROWS.encode())
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith(HEADER)
    proc = caredesk("signals", "trend", "--in", "-", "--out", str(link), stdin=b"")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8") == TREND_HEADER + "\n"
