"""Build eval/contact_center/{dev,test}.jsonl from templates.py and free_written.py.

Run `python -m eval.contact_center.build`. Deterministic: a fixed seed fills the templates, and
an item goes to test when sha256("cc-split:" + id) mod 10 < 4 (about 40 %).
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

from eval.contact_center import templates as t
from eval.contact_center.free_written import FREE

HERE = Path(__file__).parent
SEED = 20240611
PER_TEMPLATE = 6


def _fill(template: str, rng: random.Random) -> str:
    slots = {
        "p": rng.choice(t.PRODUCTS),
        "who": rng.choice(t.PATIENTS),
        "s": rng.choice(t.SYMPTOMS),
        "a": rng.choice(t.ANIMALS),
        "v": rng.choice(t.VET_PRODUCTS),
        "as_": rng.choice(t.ANIMAL_SYMPTOMS),
        "i": rng.choice(t.INDICATIONS),
        "n": rng.choice(t.NAMES),
        "ns": rng.choice(t.NEG_SYMPTOMS),
        "es": rng.choice(t.SYMPTOMS_ES),
    }
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _item(text: str, labels: dict[str, Any], source: str) -> dict[str, Any]:
    category = labels.get("complaint")
    return {
        "text": text,
        "adverse_event": bool(labels.get("adverse_event", False)),
        "special_situations": sorted(labels.get("special", [])),
        "product_complaint": category is not None,
        "complaint_category": category,
        "tampering": bool(labels.get("tampering", False)),
        "lang": "es" if _spanish(text) else "en",
        "source": source,
    }


def _spanish(text: str) -> bool:
    words = set(text.lower().replace("¿", " ").split())
    return (
        len(
            words
            & {
                "el",
                "la",
                "de",
                "y",
                "que",
                "mi",
                "tengo",
                "está",
                "por",
                "su",
                "no",
                "se",
                "me",
                "le",
                "los",
                "las",
                "con",
                "para",
                "del",
            }
        )
        >= 2
    )


def _free_written(name: str) -> list[tuple[str, dict[str, Any]]]:
    """Parse a free_written_N.txt batch: LABELS<TAB>text (see the file's header)."""
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tags, text = line.split("\t", 1)
        special: list[str] = []
        labels: dict[str, Any] = {"special": special}
        for tag in tags.split():
            if tag == "AE":
                labels["adverse_event"] = True
            elif tag == "T":
                labels["tampering"] = True
            elif tag.startswith("S="):
                special = sorted(set(tag[2:].split(",")))
            elif tag.startswith("C="):
                labels["complaint"] = tag[2:]
        # A counterfeit is both a special situation and a complaint category (as in FREE).
        if "counterfeit" in special and not labels.get("complaint"):
            labels["complaint"] = "counterfeit"
        if labels.get("complaint") == "counterfeit" and "counterfeit" not in special:
            special = sorted([*special, "counterfeit"])
        labels["special"] = special
        out.append((text.strip(), labels))
    return out


def build() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    items: list[dict[str, Any]] = []
    groups: list[list[tuple[str, dict[str, Any]]]] = [
        t.T_AE,
        t.T_HARD_NEG,
        t.T_SPECIAL,
        t.T_COMPLAINT,
    ]
    for group in groups:
        for template, labels in group:
            seen: set[str] = set()
            for _ in range(PER_TEMPLATE * 3):
                text = _fill(template, rng)
                if text not in seen and len(seen) < PER_TEMPLATE:
                    seen.add(text)
                    items.append(_item(text, labels, "template"))
    for text, ae, special, category, tampering in FREE:
        labels = {
            "adverse_event": ae,
            "special": special,
            "complaint": category,
            "tampering": tampering,
        }
        items.append(_item(text, labels, "free"))
    for text, labels in _free_written("free_written_2.txt"):
        items.append(_item(text, labels, "free2"))
    for text, labels in _free_written("free_written_3.txt"):
        items.append(_item(text, labels, "free3"))
    for text, labels in _free_written("free_written_4.txt"):
        items.append(_item(text, labels, "free4"))
    return [{"id": "cc-" + hashlib.sha256(i["text"].encode()).hexdigest()[:10], **i} for i in items]


def is_test(item_id: str) -> bool:
    return int(hashlib.sha256(f"cc-split:{item_id}".encode()).hexdigest()[:8], 16) % 10 < 4


def main() -> None:
    items = build()
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids)), "duplicate texts"
    for name, keep in (("dev", False), ("test", True)):
        rows = [i for i in items if is_test(i["id"]) is keep]
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} items")


if __name__ == "__main__":
    main()
