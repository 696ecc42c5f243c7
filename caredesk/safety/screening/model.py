"""A small linear model over hashed word and character n-grams: the screener's second recall
path for adverse events, for consumer wording that no rule names ("my brain feels like mush").

Why a model at all: the rules plateaued on consumer-written text (PsyTAR recall 0.70). Why this
one: it ships as data (`data/ae_model.json`, regenerated deterministically by
`python -m eval.train_model` from licence-clean sets only, see data/README.md), loads offline,
needs neither numpy nor PyTorch, and scores a sentence in well under a millisecond. Feature
hashing uses zlib's CRC-32, so training (eval/) and runtime compute exactly the same features.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).parent / "data" / "ae_model.json"
PC_MODEL_PATH = Path(__file__).parent / "data" / "pc_model.json"
SS_MODEL_PATH = Path(__file__).parent / "data" / "ss_model.json"
BITS = 18
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Words that flip the meaning of what follows; marking the next words keeps "no rash" apart
# from "rash" without a rule per phrase.
_NEGATORS = frozenset(
    [
        "no",
        "not",
        "never",
        "without",
        "nor",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "wasn't",
        "haven't",
        "hasn't",
        "hadn't",
        "can't",
        "cannot",
        "won't",
        "wouldn't",
        "none",
        "ni",
        "sin",
        "nunca",
    ]
)


def features(text: str, hints: list[str] | None = None) -> list[int]:
    """Hashed feature ids of a normalised text: words, word pairs, negated words, the 3- to
    5-character pieces of each word (typos, Spanish endings, lay spellings), and the rules'
    hints (kinds of harm mention found in it)."""
    return list(_features(text, tuple(hints or ())))


@lru_cache(maxsize=512)
def _features(text: str, hints: tuple[str, ...]) -> tuple[int, ...]:
    # Cached: the complaint and special-situation models read the same sentences.
    words = _WORD.findall(text)
    grams: list[str] = ["h:" + h for h in hints or ()]
    negate = 0
    prev = "<s>"
    for w in words:
        grams.append("w:" + w)
        grams.append("b:" + prev + " " + w)
        if negate:
            grams.append("n:" + w)
            negate -= 1
        if w in _NEGATORS:
            negate = 3
        padded = f" {w} "
        for n in (3, 4, 5):
            grams.extend("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
        prev = w
    grams.append("b:" + prev + " </s>")
    if text.rstrip().endswith("?"):
        grams.append("q:question")
    mask = (1 << BITS) - 1
    return tuple(sorted({zlib.crc32(g.encode()) & mask for g in grams}))


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Logistic regression: P(adverse event) = sigmoid(bias + sum of present features' weights).

    The adverse-event model carries a second threshold, `threshold_other`, for a message in
    which the rules already found a special situation or a complaint (the other models use
    `threshold` only). Why: "took double the dose", "pregnant while on it", "cap was loose" read
    like a drug experience, so the model scores them high without any harm in them; a single
    threshold that kept them out cost consumer wording of real harms ("I feel like a zombie")
    its recall.
    """

    weights: dict[int, float]
    bias: float
    threshold: float
    threshold_other: float | None = None

    def threshold_for(self, *, other_finding: bool = False) -> float:
        """The threshold for a message with or without another kind of finding."""
        if other_finding and self.threshold_other is not None:
            return max(self.threshold, self.threshold_other)
        return self.threshold

    def probability(self, text: str, hints: list[str] | None = None) -> float:
        ids = _features(text, tuple(hints or ()))
        z = self.bias + sum(self.weights.get(i, 0.0) for i in ids) / math.sqrt(len(ids) or 1)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load() -> LinearModel | None:
    """The shipped model, or None when the weights file is absent (rules only)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    if data.get("bits") != BITS:
        raise ValueError(
            f"{MODEL_PATH.name}: built for {data.get('bits')} bits, runtime has {BITS}"
        )
    weights = {int(k): float(v) for k, v in data["weights"].items()}
    other = data.get("threshold_other")
    threshold = float(data["threshold"])
    return LinearModel(
        weights, float(data["bias"]), threshold, None if other is None else float(other)
    )


# A special situation that is itself about harm: stopping a drug is read with its symptoms.
_HARM_SITUATIONS = frozenset({"withdrawal"})


def other_finding(special_situations: Sequence[str], complaint: bool, tampering: bool) -> bool:
    """The rules found something other than a harm in the message (a special situation other
    than withdrawal, a complaint, tampering): the AE model then uses `threshold_other`."""
    return complaint or tampering or any(str(c) not in _HARM_SITUATIONS for c in special_situations)


@dataclass(frozen=True, slots=True)
class ComplaintModel:
    """Product-complaint recall path: is it a complaint, and which category is likeliest."""

    complaint: LinearModel
    categories: dict[str, LinearModel]

    def category(self, text: str) -> str:
        return max(self.categories, key=lambda c: self.categories[c].probability(text))


def _linear(data: dict, threshold: float = 0.5) -> LinearModel:
    weights = {int(k): float(v) for k, v in data["weights"].items()}
    return LinearModel(weights, float(data["bias"]), float(data.get("threshold", threshold)))


@lru_cache(maxsize=1)
def load_complaints() -> ComplaintModel | None:
    """The shipped complaint model, or None when its weights file is absent (rules only)."""
    if not PC_MODEL_PATH.exists():
        return None
    data = json.loads(PC_MODEL_PATH.read_text(encoding="utf-8"))
    if data.get("bits") != BITS:
        raise ValueError(f"{PC_MODEL_PATH.name}: built for {data.get('bits')} bits")
    cats = {name: _linear(d) for name, d in data["categories"].items()}
    return ComplaintModel(_linear(data["complaint"]), cats)


@lru_cache(maxsize=1)
def load_special() -> dict[str, LinearModel]:
    """The shipped per-code special-situation models (empty when the file is absent)."""
    if not SS_MODEL_PATH.exists():
        return {}
    data = json.loads(SS_MODEL_PATH.read_text(encoding="utf-8"))
    if data.get("bits") != BITS:
        raise ValueError(f"{SS_MODEL_PATH.name}: built for {data.get('bits')} bits")
    return {code: _linear(d) for code, d in data["codes"].items()}


TAMPERING_MODEL_PATH = Path(__file__).parent / "data" / "tampering_model.json"


@lru_cache(maxsize=1)
def load_tampering() -> LinearModel | None:
    """The shipped tampering model, or None when its weights file is absent (rules only). Why a
    model here too: tampering is told in endless ways (a second writer's messages: rules 9/20,
    a model trained without them 12/20 at a precision of about 0.8 out of fold)."""
    if not TAMPERING_MODEL_PATH.exists():
        return None
    data = json.loads(TAMPERING_MODEL_PATH.read_text(encoding="utf-8"))
    if data.get("bits") != BITS:
        raise ValueError(f"{TAMPERING_MODEL_PATH.name}: built for {data.get('bits')} bits")
    return _linear(data)
