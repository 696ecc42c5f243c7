"""Train the adverse-event logistic regression (pure Python) on development splits only.

Training data: ADE corpus dev split, PsyTAR dev split, contact-center dev set. Each source is
weighted to the same total weight so the small contact-center set is not drowned. Two
thresholds (score needed with a rule hit, score needed alone) were chosen by looking at recall
and precision on the development splits (THRESHOLDS below); test splits are never used. Writes
caredesk/safety/screening/data/ae_model.json. Run `python -m eval.train_model`.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

from caredesk.safety.screening.engine import ae_features
from eval import datasets

OUT = Path(__file__).parent.parent / "caredesk" / "safety" / "screening" / "data" / "ae_model.json"
EPOCHS, RATE, L2, MIN_COUNT = 12, 0.1, 1e-5, 2
THRESHOLDS = (0.3, 0.6)  # (with a rule hit, alone), chosen on the development splits


def _examples() -> dict[str, list[tuple[list[str], bool]]]:
    sources = {
        "ade": datasets.ade("dev"),
        "psytar": datasets.psytar("dev"),
        "contact_center": datasets.contact_center("dev"),
        "customer_service": datasets.customer_service(),
    }
    return {
        name: [(ae_features(i.text), bool(i.adverse_event)) for i in items]
        for name, items in sources.items()
    }


def train(data: dict[str, list[tuple[list[str], bool]]]) -> tuple[dict[str, float], float]:
    counts: dict[str, int] = {}
    rows: list[tuple[list[str], bool, float]] = []
    for examples in data.values():
        weight = 3000.0 / len(examples)
        for feats, label in examples:
            rows.append((feats, label, weight))
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    keep = {f for f, c in counts.items() if c >= MIN_COUNT or f.startswith("r:")}
    w: dict[str, float] = {}
    bias = 0.0
    rng = random.Random(1)
    for epoch in range(EPOCHS):
        rng.shuffle(rows)
        rate = RATE / (1 + epoch)
        for feats, label, weight in rows:
            fs = [f for f in feats if f in keep]
            z = bias + sum(w.get(f, 0.0) for f in fs)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - float(label)) * weight * rate
            bias -= g
            for f in fs:
                w[f] = w.get(f, 0.0) * (1 - L2) - g
    return {f: round(v, 4) for f, v in w.items() if abs(v) > 1e-3}, bias


def _p(feats: list[str], w: dict[str, float], bias: float) -> float:
    z = bias + sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def main() -> None:
    OUT.unlink(missing_ok=True)
    data = _examples()
    w, bias = train(data)
    with_hit, alone = THRESHOLDS
    OUT.write_text(
        json.dumps(
            {
                "bias": round(bias, 4),
                "threshold_with_rule_hit": with_hit,
                "threshold_alone": alone,
                "weights": w,
            },
            sort_keys=True,
            separators=(",", ":"),
        ),
        encoding="utf-8",
    )
    print(f"{len(w)} weights, thresholds {THRESHOLDS}, wrote {OUT}")


if __name__ == "__main__":
    main()
