"""FAERS quarterly ASCII tables become REPORTS.csv rows: suspect drugs x reactions per report.

Uses the real 2022Q4 extract in data/faers_ascii_sample (16 cases have DEMO, DRUG and
REAC rows), and a copy of it with a later quarter that supersedes one case and deletes another.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from caredesk.insights.signals.faers_import import faers_reports, main

SAMPLE = Path(__file__).resolve().parent / "data" / "faers_ascii_sample"  # from ../shared/data


def test_sample_reports_use_the_active_ingredient_of_suspect_drugs() -> None:
    rows = list(faers_reports(SAMPLE))
    assert len({report for report, _, _ in rows}) == 16
    assert len(rows) == len(set(rows))
    januvia = {(p, e) for r, p, e in rows if r == "100115733"}
    assert januvia == {
        ("SITAGLIPTIN PHOSPHATE", "Pancreatic carcinoma"),
        ("SITAGLIPTIN PHOSPHATE", "Pancreatitis chronic"),
    }  # ATIVAN (lorazepam) is concomitant there: not a suspect
    sandostatin = {p for r, p, _ in rows if r == "1002130537"}
    assert sandostatin == {"OCTREOTIDE ACETATE"}  # PS and SS rows; FRAGMIN (C) left out


def test_drugname_instead_of_the_active_ingredient() -> None:
    products = {p for r, p, _ in faers_reports(SAMPLE, "drugname") if r == "1002130537"}
    assert products == {"SANDOSTATIN", "SANDOSTATIN LAR DEPOT"}


def test_a_later_version_supersedes_and_a_deleted_case_disappears(tmp_path: Path) -> None:
    for name in ("DEMO22Q4.txt", "DRUG22Q4.txt", "REAC22Q4.txt"):
        shutil.copy(SAMPLE / name, tmp_path / name)
    header = (SAMPLE / "DEMO22Q4.txt").read_text().splitlines()[0]
    (tmp_path / "demo23q1.txt").write_text(
        header + "\n100115734$10011573$4$F$$$$$EXP$$$$$$$$M$Y$$$$$$$\n"
    )
    drug_header = (SAMPLE / "DRUG22Q4.txt").read_text().splitlines()[0]
    (tmp_path / "drug23q1.txt").write_text(
        drug_header + "\n100115734$10011573$1$PS$JANUVIA$SITAGLIPTIN$1$$$$$$$$$$$$$\n"
    )
    (tmp_path / "reac23q1.txt").write_text(
        "primaryid$caseid$pt$drug_rec_act\n100115734$10011573$Death$\n"
    )
    (tmp_path / "DELETE23Q1.txt").write_text(" \n10021305\n")
    rows = list(faers_reports(tmp_path))
    reports = {r for r, _, _ in rows}
    assert "100115733" not in reports  # version 3 superseded by version 4
    assert {(p, e) for r, p, e in rows if r == "100115734"} == {("SITAGLIPTIN", "Death")}
    assert "1002130537" not in reports  # its case was deleted
    assert len(reports) == 15


def test_the_written_file_feeds_caredesk_signals(tmp_path: Path) -> None:
    reports, results = tmp_path / "reports.csv", tmp_path / "results.csv"
    assert main([str(SAMPLE), str(reports)]) == 0
    with reports.open(newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == ["report_id", "product", "event"]
    assert len(written) - 1 == len(list(faers_reports(SAMPLE)))
    call_command(
        "signals", "--in", str(reports), "--out", str(results), "--theta", "0.2,0.1,2,4,0.33"
    )
    with results.open(newline="") as handle:
        scored = list(csv.DictReader(handle))
    assert {r["product"] for r in scored} == {row[1] for row in written[1:]}


def test_a_folder_without_tables_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main([str(tmp_path), str(tmp_path / "out.csv")])
    assert not (tmp_path / "out.csv").exists()
