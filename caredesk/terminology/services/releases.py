"""Loading terminology releases: a customer's MedDRA ASCII release, or the bundled open list.

MedDRA's distribution format (the "MedAscii" folder of a release) is one file per table, one
record per line, fields separated by `$` with a trailing `$`. The loader reads the two tables
coding needs:

- `pt.asc`:  pt_code $ pt_name $ null_field $ pt_soc_code $ (WHO-ART, HARTS, COSTART, ICD codes) $
- `llt.asc`: llt_code $ llt_name $ pt_code $ (WHO-ART, HARTS, COSTART, ICD-9, ICD-9-CM,
  ICD-10) $ llt_currency (Y/N) $ llt_jart_code $

and `meddra_release.asc` (version $ language $ …) for the version when present. English files
are Latin-1 in older releases and UTF-8 in newer ones; both are accepted. Loading a version
that is already loaded replaces its terms, so a re-run is harmless.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from caredesk.errors import InvalidInput
from caredesk.terminology.models import Term, TerminologyRelease, TermLevel

MEDDRA = "MedDRA"
OPEN_LIST = "CareDesk open terms"
OPEN_LIST_VERSION = "2"
OPEN_LIST_FILE = Path(__file__).resolve().parent.parent / "data" / "open_terms.tsv"


@dataclass(frozen=True)
class ParsedTerm:
    code: str
    term: str
    level: str
    pt_code: str = ""
    current: bool = True
    language: str = ""  # "" = the release's language


def _read_lines(path: Path) -> Iterator[str]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    for line in text.splitlines():
        if line.strip():
            yield line


def _fields(line: str) -> list[str]:
    return [f.strip() for f in line.split("$")]


def _find(directory: Path, name: str) -> Path | None:
    """The file `name` in the release folder or its MedAscii sub-folder, any letter case."""
    for folder in (directory, directory / "MedAscii", directory / "medascii"):
        if folder.is_dir():
            for child in folder.iterdir():
                if child.name.lower() == name:
                    return child
    return None


def parse_pt(path: Path) -> list[ParsedTerm]:
    out = []
    for n, line in enumerate(_read_lines(path), 1):
        fields = _fields(line)
        if len(fields) < 2 or not fields[0].isdigit() or not fields[1]:
            raise InvalidInput(f"{path.name} line {n}: not a MedDRA PT record", {"file": str(path)})
        out.append(ParsedTerm(code=fields[0], term=fields[1], level=TermLevel.PT))
    return out


def parse_llt(path: Path) -> list[ParsedTerm]:
    out = []
    for n, line in enumerate(_read_lines(path), 1):
        fields = _fields(line)
        if len(fields) < 3 or not fields[0].isdigit() or not fields[2].isdigit():
            raise InvalidInput(
                f"{path.name} line {n}: not a MedDRA LLT record", {"file": str(path)}
            )
        currency = fields[9].upper() if len(fields) > 9 else "Y"
        out.append(
            ParsedTerm(
                code=fields[0],
                term=fields[1],
                level=TermLevel.LLT,
                pt_code=fields[2],
                current=currency != "N",
            )
        )
    return out


def release_info(directory: Path) -> tuple[str, str]:
    """(version, language) from meddra_release.asc, or ("unknown", "English")."""
    path = _find(directory, "meddra_release.asc")
    if path is not None:
        for line in _read_lines(path):
            fields = _fields(line)
            if fields and fields[0]:
                return fields[0], (fields[1] if len(fields) > 1 and fields[1] else "English")
    return "unknown", "English"


def load_meddra(directory: Path, *, version: str = "", language: str = "") -> TerminologyRelease:
    """Load a MedDRA ASCII release folder; returns the (new or refreshed) release."""
    pt_path, llt_path = _find(directory, "pt.asc"), _find(directory, "llt.asc")
    if pt_path is None or llt_path is None:
        raise InvalidInput(
            "Not a MedDRA ASCII release: pt.asc and llt.asc are required",
            {"directory": str(directory)},
        )
    found_version, found_language = release_info(directory)
    terms = parse_pt(pt_path) + parse_llt(llt_path)
    known_pts = {t.code for t in terms if t.level == TermLevel.PT}
    orphans = [t.code for t in terms if t.level == TermLevel.LLT and t.pt_code not in known_pts]
    if orphans:
        raise InvalidInput(
            f"{len(orphans)} LLT(s) point to an unknown PT (first: {orphans[0]})",
            {"llt.asc": "every LLT needs its PT in pt.asc"},
        )
    return store_release(
        MEDDRA,
        version or found_version,
        language or found_language,
        terms,
        licensed=True,
        source=str(directory),
    )


def parse_open_list(path: Path = OPEN_LIST_FILE) -> list[ParsedTerm]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((ln for ln in handle if not ln.startswith("#")), delimiter="\t")
        return [
            ParsedTerm(
                code=r["code"],
                term=r["term"],
                level=r["level"],
                pt_code=r["pt_code"],
                language=r["language"],
            )
            for r in rows
        ]


def load_open_list() -> TerminologyRelease:
    """The bundled open term list (idempotent)."""
    return store_release(
        OPEN_LIST, OPEN_LIST_VERSION, "en", parse_open_list(), licensed=False, source="bundled"
    )


@transaction.atomic
def store_release(
    name: str,
    version: str,
    language: str,
    terms: list[ParsedTerm],
    *,
    licensed: bool,
    source: str,
) -> TerminologyRelease:
    """Create or refresh one release with exactly these terms."""
    release, _ = TerminologyRelease.objects.update_or_create(
        name=name,
        version=version,
        language=language,
        defaults={"licensed": licensed, "source": source, "loaded_at": timezone.now()},
    )
    release.terms.all().delete()
    Term.objects.bulk_create(
        (
            Term(
                release=release,
                code=t.code,
                term=t.term,
                level=t.level,
                pt_code=t.pt_code,
                current=t.current,
                language=t.language or language,
            )
            for t in terms
        ),
        batch_size=2000,
    )
    return release
