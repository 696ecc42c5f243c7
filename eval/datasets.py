"""Loaders for the labelled sets: our own (in this folder) and the shared public corpora.

Splits of the public corpora are ours, by a salted hash of the document id, so that tuning on
`dev` never sees `test`: ADE corpus by PMID (30 % test), PsyTAR by review id (30 % test).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
SHARED = Path(os.environ.get("CAREDESK_SHARED_DATA", HERE.parent.parent / "shared" / "data"))


@dataclass
class Item:
    id: str
    text: str
    adverse_event: bool | None = None
    special_situations: list[str] = field(default_factory=list)
    product_complaint: bool | None = None
    complaint_category: str | None = None
    tampering: bool | None = None
    seriousness: list[str] | None = None  # labelled only in the holdout batch


def _bucket(salt: str, key: str, mod: int = 10) -> int:
    return int(hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()[:8], 16) % mod


def ade_is_test(pmid: str) -> bool:
    return _bucket("caredesk-ade", pmid.strip()) < 3


def psytar_is_test(drug_id: str) -> bool:
    return _bucket("caredesk-psytar", drug_id.strip()) < 3


def contact_center(split: str) -> Iterator[Item]:
    """`dev` / `test` (build.py's hash split); `holdout` (holdout_5.txt) and `holdout2`
    (holdout_6.txt, by an independent author): test-only batches; or `train` (train_6..12.txt:
    training text for the learned paths, never scored)."""
    if split in FREE_BATCHES:
        for name in FREE_BATCHES[split]:
            yield from contact_center_batch(name)
        return
    for line in (HERE / "contact_center" / f"{split}.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        yield Item(
            row["id"],
            row["text"],
            row["adverse_event"],
            row["special_situations"],
            row["product_complaint"],
            row["complaint_category"],
            row["tampering"],
        )


FREE_BATCHES = {
    "holdout": ("holdout_5.txt",),
    "holdout2": ("holdout_6.txt",),  # by an independent author, 2026-12-05
    "train": (
        "train_6.txt",
        "train_7.txt",
        "train_8.txt",
        "train_9.txt",
        "train_10.txt",
        "train_11.txt",
        "train_12.txt",
        "train_13.txt",  # the second writer's batch, after its first look
        "train_14.txt",  # the third writer's batch (indirect wording), after its first look
        "train_15.txt",  # the fourth writer's batch (findings in passing), after its first look
        "train_16.txt",  # the fifth writer's batch (regional wording), after its first look
        "train_17.txt",  # the sixth writer's batch (more regional wording), after its first look
        "train_18.txt",  # the seventh writer's batch (new registers), after its first look
        "train_19.txt",  # the eighth writer's batch (devices and farms), after its first look
        "train_20.txt",  # the ninth writer's batch (special situations), after its first look
        "train_21.txt",  # the tenth writer's batch (lay harms), after its first look
        "train_22.txt",  # the twelfth writer's batch (HCP and carers' reports), after its first look
        "train_23.txt",  # the eleventh writer's batch (everyday complaints), after its first look
        "train_24.txt",  # the thirteenth writer's batch (a week's mix), after its first look
        "train_25.txt",  # the fourteenth writer's batch (all Spanish), after its first look
        "train_26.txt",  # the fifteenth writer's batch (short consumer messages), after its first look
        "train_27.txt",  # the sixteenth writer's batch (animal health), after its first look
        "train_28.txt",  # the seventeenth writer's batch (letters, web forms, follow-ups)
        "train_29.txt",  # the eighteenth writer's batch (a recall and a busy season)
        "train_30.txt",  # the nineteenth writer's batch (special situations and tampering)
        "train_31.txt",  # the twentieth writer's batch (complaints and devices)
        "train_32.txt",  # the twenty-first writer's batch (a global week in many Englishes)
        "train_33.txt",  # the twenty-second writer's batch (medical-information requests)
        "train_34.txt",  # the twenty-third writer's batch (all Spanish, a second)
        "train_35.txt",  # the twenty-fifth writer's batch (animal health, a second)
        "train_36.txt",  # the twenty-sixth writer's batch (carers, care homes, schools)
    ),
}


def contact_center_batch(name: str) -> Iterator[Item]:
    """A batch file read as its own split.

    One item per line, LABELS<TAB>text; labels: AE, S=codes, C=category, T, SER=codes or -.
    """
    for line in (HERE / "contact_center" / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tags, text = line.split("\t", 1)
        item = Item("", text.strip(), False, [], False, None, False, [])
        for tag in tags.split():
            key, _, value = tag.partition("=")
            if key == "AE":
                item.adverse_event = True
            elif key == "T":
                item.tampering = True
            elif key == "S":
                item.special_situations = sorted(set(value.split(",")))
            elif key == "C":
                item.product_complaint, item.complaint_category = True, value
            elif key == "SER":
                item.seriousness = sorted(set(value.split(",")))
        item.id = name[:2] + "-" + hashlib.sha256(item.text.encode()).hexdigest()[:10]
        yield item


def contact_center_training() -> Iterator[Item]:
    """What the learned paths train on: the dev split and the training-only batch."""
    yield from contact_center("dev")
    yield from contact_center("train")


def customer_service() -> Iterator[Item]:
    """The tuned-on customer-service set (messages.jsonl): training negatives and the threshold
    budget of eval/train_*.py, and a figure in the eval (a dev figure)."""
    for line in (HERE / "customer_service" / "messages.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        yield Item(row["id"], row["text"], False, [], False, None, False)


# train_cs_4 to train_cs_13: independent writers
CS_TRAIN_BATCHES = (
    "train_cs_3.txt",
    "train_cs_4.txt",
    "train_cs_5.txt",
    "train_cs_6.txt",
    "train_cs_7.txt",
    "train_cs_8.txt",
    "train_cs_9.txt",
    "train_cs_10.txt",
    "train_cs_11.txt",
    "train_cs_12.txt",
    "train_cs_13.txt",
    "train_cs_14.txt",
    "train_cs_15.txt",
    "train_cs_16.txt",
    "train_cs_17.txt",
)
CS_HOLDOUTS = ("holdout_cs.txt", "holdout_cs_2.txt")  # the second by an independent author


def customer_service_batch(name: str) -> Iterator[Item]:
    """A plain-text batch of customer-service messages (one per line, # comments), all negative."""
    for line in (HERE / "customer_service" / name).read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            item_id = "cs-" + name[:-4] + "-" + hashlib.sha256(text.encode()).hexdigest()[:10]
            yield Item(item_id, text, False, [], False, None, False)


def customer_service_training() -> Iterator[Item]:
    """Extra customer-service negatives the models learn from (never a threshold budget, never
    scored): the batches in CS_TRAIN_BATCHES."""
    for name in CS_TRAIN_BATCHES:
        yield from customer_service_batch(name)


def customer_service_holdout(name: str = CS_HOLDOUTS[0]) -> Iterator[Item]:
    """A customer-service holdout (CS_HOLDOUTS): scored by the eval only. No training script
    may read one (caredesk/safety/tests/test_cs_holdout_is_never_trained_on.py)."""
    if name not in CS_HOLDOUTS:
        raise ValueError(f"not a customer-service holdout: {name}")
    yield from customer_service_batch(name)


def ade(split: str) -> Iterator[Item]:
    path = SHARED / "ade_corpus_v2" / "sentences.tsv"
    with path.open(encoding="ascii", newline="") as fh:
        for n, (pmid, label, sentence) in enumerate(csv.reader(fh, delimiter="\t")):
            if ade_is_test(pmid) == (split == "test"):
                yield Item(f"ade-{n}", sentence, label == "1")


def psytar(split: str) -> Iterator[Item]:
    path = SHARED / "psytar_dev" / "sentences.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            if psytar_is_test(row["drug_id"]) != (split == "test"):
                continue
            ae = bool(row["ADR"].strip() or row["WD"].strip())
            yield Item(f"psytar-{n}", row["sentences"], ae)


def maude_descriptions(limit: int = 1000) -> Iterator[Item]:
    """MAUDE event descriptions (no gold labels; reported as a flag rate)."""
    path = SHARED / "maude_foitext_2007_subset" / "foitext2007_selected.txt"
    with path.open(encoding="ascii", errors="replace", newline="") as fh:
        count = 0
        for line in fh:
            parts = line.rstrip("\r\n").split("|")
            if len(parts) >= 6 and parts[2] == "D" and count < limit:
                count += 1
                yield Item(f"maude-{parts[0]}", parts[5])
