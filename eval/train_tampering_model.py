"""Train the tampering model; writes `caredesk/safety/screening/data/tampering_model.json`.

Run `python -m eval.train_tampering_model` (deterministic). Same hashed features as the other
screener models. Why: tampering is told in endless ways, and the rules drawn from one writer's
batches found 9 of 20 in a second writer's batch (eval/contact_center/README.md, train_13 first
look), while this model trained without that batch found 12 of the 20 at an out-of-fold
precision of about 0.8, 7 of them among the 11 the rules missed.

Training data, licence-clean: the contact-center **dev split** and training-only batches
(`datasets.contact_center_training`, tampering yes/no), and the customer-service messages and
training batches (all negative). No holdout is read (`test_cs_holdout_is_never_trained_on`).
The threshold is picked on out-of-fold scores (5 folds by text hash) of the model by itself:
walking down from 0.95, the model's contact-center precision stays >= `MIN_PRECISION` and at
most `MAX_CS_FLAGS` of the customer-service messages are flagged as tampering (rules OR model);
the threshold kept is `MARGIN_STEPS` (0.02) above the lowest that meets both, so the limits also
hold a little below it. A tampering flag notifies quality and security within a minute, so the
precision floor is higher than the special situations' (0.85) would suggest is needed for a
flag a person confirms anyway.
"""

from __future__ import annotations

import hashlib
import json
import sys

import numpy as np

from caredesk.safety.screening import model as M
from caredesk.safety.screening import screen
from eval import datasets
from eval.train_model import _matrix
from eval.train_pc_model import _export, _fit

MIN_PRECISION = 0.85
MAX_CS_FLAGS = 0.003
MARGIN_STEPS = 2
FOLDS = 5


def _rows() -> tuple[list[str], list[int], list[str]]:
    texts, labels, sets = [], [], []
    for item in datasets.contact_center_training():
        texts.append(item.text)
        labels.append(int(bool(item.tampering)))
        sets.append("cc")
    for item in (*datasets.customer_service(), *datasets.customer_service_training()):
        texts.append(item.text)
        labels.append(0)
        sets.append("cs")
    return texts, labels, sets


def _oof(x, y: np.ndarray, texts: list[str]) -> np.ndarray:
    folds = np.array([int(hashlib.sha256(t.encode()).hexdigest()[:8], 16) % FOLDS for t in texts])
    oof = np.zeros(len(texts))
    for k in range(FOLDS):
        oof[folds == k] = _fit(x[folds != k], y[folds != k]).predict_proba(x[folds == k])[:, 1]
    return oof


def _rules(texts: list[str]) -> np.ndarray:
    """What the rules flag as tampering without this model."""
    M.load_tampering.cache_clear()
    real, M.load_tampering = M.load_tampering, lambda: None  # type: ignore[assignment]
    try:
        return np.array([screen(t).tampering for t in texts])
    finally:
        M.load_tampering = real


def _pick_threshold(oof: np.ndarray, y: np.ndarray, rules: np.ndarray, sets: np.ndarray):
    cc, cs = sets == "cc", sets == "cs"
    curve: list[dict] = []
    for t in np.arange(0.95, 0.3, -0.01):
        alone = oof >= t
        prec = (alone & cc & (y == 1)).sum() / (alone & cc).sum() if (alone & cc).any() else 1.0
        cs_rate = (rules | alone)[cs].mean()
        if prec < MIN_PRECISION or cs_rate > MAX_CS_FLAGS:
            break
        rec = (alone & cc & (y == 1)).sum() / max(1, (cc & (y == 1)).sum())
        curve.append({"t": round(float(t), 2), "model_R": rec, "model_P": prec, "cs": cs_rate})
        if "--curve" in sys.argv:
            print({k: round(float(v), 3) for k, v in curve[-1].items()}, file=sys.stderr)
    if not curve:
        raise SystemExit("no threshold meets the limits (see --curve)")
    return curve[max(0, len(curve) - 1 - MARGIN_STEPS)]


def main() -> None:
    texts, labels, set_names = _rows()
    x = _matrix(texts, [[] for _ in texts])
    y, sets = np.array(labels), np.array(set_names)
    stats = _pick_threshold(_oof(x, y, texts), y, _rules(texts), sets)
    print("out-of-fold at the chosen threshold:", stats, file=sys.stderr)
    out = {
        "about": "Logistic regression over hashed n-grams; built by "
        "`python -m eval.train_tampering_model` from CareDesk contact-center dev and training "
        "batches and customer-service messages (ours). See data/README.md.",
        "bits": M.BITS,
        **_export(_fit(x, y), stats["t"]),
        "oof": {k: round(float(v), 4) for k, v in stats.items()},
    }
    M.TAMPERING_MODEL_PATH.write_text(json.dumps(out, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {M.TAMPERING_MODEL_PATH} ({len(out['weights'])} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
