"""FAERS quarterly ASCII extracts → REPORTS.csv rows (report_id, product, event).

FDA publishes the FAERS database each quarter as `$`-delimited tables with a header line
(`DEMOyyQq.txt`, `DRUGyyQq.txt`, `REACyyQq.txt`, … and `DELETEyyQq.txt`, a bare list of case
ids FDA removed). The background rates of a disproportionality analysis come from such a
database; this turns one or more quarters in a folder into the `caredesk signals` input:

- report = `primaryid` (one version of a case). Only the latest `caseversion` of each `caseid`
  across all DEMO tables is kept, as FDA advises, and cases listed in any DELETE table are
  dropped. Without a DEMO table every primaryid is kept.
- product = `prod_ai` (the active ingredient FDA mapped the verbatim name to; present since
  2014Q3), falling back to `drugname` when empty; or `drugname` only (`product_field`). Names
  are stripped and upper-cased. Only suspect drugs count: `role_cod` PS (primary suspect) and
  SS (secondary suspect); concomitant (C) and interacting (I) drugs are left out, as in FDA's
  own data mining.
- event = `pt`, the MedDRA preferred term, stripped.

Each (primaryid, product, event) is yielded once, for every suspect product x reaction of the
report. Table names match case-insensitively (older quarters are lower case). Files are read as
UTF-8 with undecodable bytes replaced (FDA ships ASCII).

`python -m caredesk.insights.signals.faers_import DIR OUT.csv [--product drugname]` writes
REPORTS.csv (`-` for standard output), replacing OUT.csv only once it is complete.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

SUSPECT_ROLES = frozenset({"PS", "SS"})


def _tables(directory: Path, kind: str) -> list[Path]:
    pattern = re.compile(rf"{kind}\d\dq[1-4]\.txt", re.IGNORECASE)
    return sorted(p for p in directory.iterdir() if pattern.fullmatch(p.name))


def _records(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a `$`-delimited table as dicts keyed by the lower-cased header names."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        header = [name.strip().lower() for name in handle.readline().rstrip("\r\n").split("$")]
        for line in handle:
            line = line.rstrip("\r\n")
            if line:
                yield dict(zip(header, line.split("$"), strict=False))


def deleted_cases(directory: Path) -> set[str]:
    """Case ids in the DELETE tables (one per line, no header)."""
    deleted: set[str] = set()
    for path in _tables(directory, "delete"):
        with path.open(encoding="utf-8", errors="replace") as handle:
            deleted.update(line.strip() for line in handle if line.strip().isdigit())
    return deleted


def latest_versions(directory: Path) -> set[str] | None:
    """primaryids of the latest version of each case not deleted; None without DEMO tables."""
    demo = _tables(directory, "demo")
    if not demo:
        return None
    deleted = deleted_cases(directory)
    latest: dict[str, tuple[int, str]] = {}
    for path in demo:
        for row in _records(path):
            case, primaryid = row.get("caseid", "").strip(), row.get("primaryid", "").strip()
            if not case or not primaryid or case in deleted:
                continue
            version = int(row.get("caseversion") or 0)
            if case not in latest or version >= latest[case][0]:
                latest[case] = (version, primaryid)
    return {primaryid for _, primaryid in latest.values()}


def _suspect_products(
    directory: Path, keep: set[str] | None, product_field: str
) -> dict[str, set[str]]:
    products: dict[str, set[str]] = defaultdict(set)
    for path in _tables(directory, "drug"):
        for row in _records(path):
            primaryid = row.get("primaryid", "").strip()
            if row.get("role_cod", "").strip().upper() not in SUSPECT_ROLES:
                continue
            if keep is not None and primaryid not in keep:
                continue
            name = (row.get(product_field) or row.get("drugname") or "").strip().upper()
            if name:
                products[primaryid].add(name)
    return products


def _reactions(directory: Path, keep: set[str] | None) -> dict[str, set[str]]:
    events: dict[str, set[str]] = defaultdict(set)
    for path in _tables(directory, "reac"):
        for row in _records(path):
            primaryid, term = row.get("primaryid", "").strip(), row.get("pt", "").strip()
            if term and (keep is None or primaryid in keep):
                events[primaryid].add(term)
    return events


def faers_reports(
    directory: str | Path, product_field: str = "prod_ai"
) -> Iterator[tuple[str, str, str]]:
    """(primaryid, suspect product, MedDRA PT) for every report in the folder's quarters."""
    if product_field not in ("prod_ai", "drugname"):
        raise ValueError("product_field is prod_ai or drugname")
    folder = Path(directory)
    keep = latest_versions(folder)
    products = _suspect_products(folder, keep, product_field)
    events = _reactions(folder, keep)
    for primaryid in sorted(products.keys() & events.keys(), key=lambda p: (len(p), p)):
        for product in sorted(products[primaryid]):
            for event in sorted(events[primaryid]):
                yield primaryid, product, event


def write_reports(rows: Iterator[tuple[str, str, str]], out: str) -> int:
    """Write REPORTS.csv (header + rows) to `out` or stdout (`-`); returns the row count."""
    if out == "-":
        return _write(rows, sys.stdout)
    temp = f"{out}.{os.getpid()}.tmp"
    try:
        with open(temp, "w", encoding="utf-8", newline="") as handle:
            count = _write(rows, handle)
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.remove(temp)
    return count


def _write(rows: Iterator[tuple[str, str, str]], handle: object) -> int:
    writer = csv.writer(handle, lineterminator="\n")  # type: ignore[arg-type]
    writer.writerow(("report_id", "product", "event"))
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("directory", help="folder with DEMO/DRUG/REAC(/DELETE)yyQq.txt tables")
    parser.add_argument("out", help="REPORTS.csv to write, - for standard output")
    parser.add_argument("--product", choices=("prod_ai", "drugname"), default="prod_ai")
    args = parser.parse_args(argv)
    folder = Path(args.directory)
    if not folder.is_dir() or not _tables(folder, "drug") or not _tables(folder, "reac"):
        parser.error(f"{folder} holds no FAERS DRUG and REAC tables (DRUGyyQq.txt, REACyyQq.txt)")
    try:
        count = write_reports(faers_reports(folder, args.product), args.out)
    except BrokenPipeError:  # `… - | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    print(f"{count} rows written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
