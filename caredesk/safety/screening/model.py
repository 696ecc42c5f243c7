"""The adverse-event decision: rule evidence refined by a small logistic-regression model.

Features are the stemmed words and word pairs of the text plus what the rules found (asserted
and silenced harm mentions, drug-linkage cues). Weights live in data/ae_model.json, trained by
`python -m eval.train_model` on the development splits only (see eval/README.md); no model is
downloaded or trained at run time. Without the weights file the rules decide alone.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from caredesk.safety.screening.context import LINKAGE, Span
from caredesk.safety.screening.text import Sentence, tokens

WEIGHTS_FILE = Path(__file__).with_name("data") / "ae_model.json"


@lru_cache(maxsize=1)
def _weights() -> tuple[dict[str, float], float, float, float] | None:
    if not WEIGHTS_FILE.exists():
        return None
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return (
        data["weights"],
        float(data["bias"]),
        float(data["threshold_with_rule_hit"]),
        float(data["threshold_alone"]),
    )


def features(
    norm: str, scoped: list[tuple[Sentence, list[Span]]], hits: list[Any], silenced: int
) -> list[str]:
    """The feature names present in one text (binary features)."""
    words = [t.text for t in tokens(norm)]
    feats = {f"w:{w}" for w in words}
    feats.update(f"b:{a}_{b}" for a, b in pairwise(words))
    n = len(hits)
    feats.add(f"r:hits{min(n, 3)}")
    if silenced:
        feats.add(f"r:silenced{min(silenced, 2)}")
    if any(LINKAGE.search(s.text) for s, _ in scoped):
        feats.add("r:linkage")
        if n:
            feats.add("r:linkage_hit")
    if n and not silenced:
        feats.add("r:clean_hit")
    return sorted(feats)


def score(
    norm: str, scoped: list[tuple[Sentence, list[Span]]], hits: list[Any], silenced: int
) -> float:
    """Probability-like score that the text reports an adverse event."""
    model = _weights()
    if model is None:
        return 1.0 if hits else 0.0
    weights, bias, _, _ = model
    z = bias + sum(weights.get(f, 0.0) for f in features(norm, scoped, hits, silenced))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def decide(ae_score: float, hits: list[Any], outcome: bool, silenced: int) -> bool:
    """An AE is an asserted harm mention (or a serious outcome linked to the product) that the
    model does not contradict, or a text the model alone scores very high (wording the lexicon
    does not know) and in which no harm mention was negated or hypothetical."""
    model = _weights()
    if model is None:
        return bool(hits) or outcome
    with_hit, alone = model[2], model[3]
    if (hits or outcome) and ae_score >= with_hit:
        return True
    return not silenced and ae_score >= alone
