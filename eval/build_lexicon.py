"""Build the generated lexicon files the screener ships (run `python -m eval.build_lexicon`).

Only licence-clean sources feed shipped files (see caredesk/safety/screening/data/README.md):

- `symp.txt`: Symptom Ontology (CC0) names and synonyms, minus obsolete terms and a few words
  that are ordinary English in customer messages.
- `meddra_pt.txt`: MedDRA preferred terms that appear as *reactions* in public-domain FDA data
  (CAERS 2012 via openEBGM, FAERS 2022Q4 REAC table and XML example, openFDA drug-event
  fixture), minus terms that are not a harm (product issues, exposures, "drug ineffective"),
  each with its US spelling ("diarrhoea" -> "diarrhea").
- `drugs.txt`: active ingredients and product names from the same FAERS / openFDA records.

The ADE corpus is **never** read here: its licence allows evaluation only.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from eval.datasets import SHARED

OUT = Path(__file__).parent.parent / "caredesk" / "safety" / "screening" / "data"
SYMP_STOP = {
    "shock",
    "hopping",
    "head symptom",
    "pain",
    "temperature",
    "stress",
    "mass",
    "discharge",
    "spots",
    "growth",
    "lump",
    "eruption",
    "pressure",
    "fullness",
    "sensation",
    "feeling",
    "tension",
    "weight",
    "distress",
    "color",
    "growing",
}
# MedDRA PTs that are not a harm to a person (they are special situations, product issues or
# administrative terms) or that are ordinary words in customer messages.
PT_NOT_HARM = re.compile(
    r"product|device|drug ineffective|ineffective|off label|no adverse|exposure|intentional|"
    r"wrong|error|incorrect|inappropriate|overdose|underdose|unevaluable|therapeutic|"
    r"therapy|malfunction|insurance|pregnancy|abuse|misuse|dependence|withdrawal|"
    r"prescribed|dose|use issue|expired|counterfeit|label|packaging|condition aggravated|"
    r"^death$|^fall$|^accident$|^surgery$|^hospitalisation$|^pain$|^off$|unknown|"
    r"not recovered|recovered|interaction|drug level|treatment|technique|omission|"
    r"contraindicated|transmission|investigation|^illness$|^feeling abnormal$|^malaise$|"
    r"social|economic|drug screen|^general physical health deterioration$|^impaired"
)
SPELLING = [("oe", "e"), ("ae", "e"), ("our", "or"), ("isation", "ization"), ("yse", "yze")]


def symp_terms() -> list[str]:
    terms: list[str] = []
    path = SHARED / "symptom_ontology" / "symp_terms.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["obsolete"] == "true":
                continue
            names = [row["name"]] + [
                s.rsplit(" (", 1)[0] for s in row["synonyms"].split(" | ") if s
            ]
            terms.extend(n.strip().lower() for n in names if n.strip())
    return sorted({t for t in terms if t not in SYMP_STOP and len(t) > 3})


def _us_spelling(term: str) -> str:
    for uk, us in SPELLING:
        term = term.replace(uk, us)
    return term


def _reaction_pts() -> set[str]:
    pts: set[str] = set()
    with (SHARED / "caers_openebgm" / "caers.csv").open(encoding="utf-8", newline="") as fh:
        pts.update(row["var2"] for row in csv.DictReader(fh))
    with (SHARED / "caers_openebgm" / "caers_raw.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pts.update(p.strip() for p in row["SYM_One.Row.Coded.Symptoms"].split(","))
    reac = SHARED / "faers_ascii_sample" / "REAC22Q4.txt"
    for line in reac.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        parts = line.split("$")
        if len(parts) > 2:
            pts.add(parts[2])
    xml = (SHARED / "faers_ascii_sample" / "ADR22Q1_xml_example.xml").read_text(encoding="utf-8")
    pts.update(re.findall(r"<reactionmeddrapt>([^<]+)<", xml))
    event = SHARED / "openfda_samples" / "drug_event_preannotation.json"
    pts.update(re.findall(r'"reactionmeddrapt": "([^"]+)"', event.read_text(encoding="utf-8")))
    return pts


def meddra_terms() -> list[str]:
    out: set[str] = set()
    for pt in _reaction_pts():
        term = pt.strip().lower()
        if len(term) < 4 or PT_NOT_HARM.search(term) or len(term.split()) > 6:
            continue
        out.add(term)
        out.add(_us_spelling(term))
    return sorted(out)


def _drug_words(name: str) -> list[str]:
    name = re.sub(
        r"\b(?:hydrochloride|hcl|sodium|potassium|sulfate|sulphate|phosphate|"
        r"acetate|tartrate|maleate|mesylate|citrate|besylate|calcium)\b",
        "",
        name,
    )
    name = re.sub(r"[^a-z0-9 -]", " ", name.lower())
    name = " ".join(name.split())
    return [name] if len(name) > 4 and not name.isdigit() else []


def drug_terms() -> list[str]:
    names: set[str] = set()
    drug = SHARED / "faers_ascii_sample" / "DRUG22Q4.txt"
    for line in drug.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        parts = line.split("$")
        if len(parts) > 5:
            names.update(_drug_words(parts[4].lower()) + _drug_words(parts[5].lower()))
    xml = (SHARED / "faers_ascii_sample" / "ADR22Q1_xml_example.xml").read_text(encoding="utf-8")
    for tag in ("activesubstancename", "medicinalproduct"):
        for value in re.findall(rf"<{tag}>([^<]+)<", xml):
            names.update(_drug_words(value.lower()))
    event = json.loads(
        (SHARED / "openfda_samples" / "drug_event_postannotation.json").read_text("utf-8")
    )
    for d in event["patient"]["drug"]:
        names.update(_drug_words(d.get("medicinalproduct", "").lower()))
        for key in ("generic_name", "substance_name", "brand_name"):
            for value in d.get("openfda", {}).get(key, []):
                names.update(_drug_words(value.lower()))
    return sorted(n for n in names if not re.search(r"\bunk|unspecified|product|other\b", n))


def main() -> None:
    header = "# Generated by `python -m eval.build_lexicon`; do not edit by hand.\n"
    files = {"symp.txt": symp_terms(), "meddra_pt.txt": meddra_terms(), "drugs.txt": drug_terms()}
    for name, terms in files.items():
        (OUT / name).write_text(header + "\n".join(terms) + "\n", encoding="utf-8")
    print(", ".join(f"{name} {len(terms)}" for name, terms in files.items()))


if __name__ == "__main__":
    main()
