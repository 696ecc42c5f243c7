"""Train the screener's adverse-event model; writes `caredesk/safety/screening/data/ae_model.json`.

Run `python -m eval.train_model` (deterministic: liblinear with fixed data order). Needs the
dev requirements (numpy, scipy, scikit-learn); the runtime reads only the JSON it writes.
`--curve` prints the out-of-fold figures of every threshold pair tried.

Training data, licence-clean only (nothing from the ADE corpus, which may not ship):
- PsyTAR, **dev split only** (CC BY 4.0; AE = ADR or WD; SSI/DI sentences are hard negatives);
- the contact-center set, **dev split** and the training-only batches (ours);
- the AE training batches `eval/contact_center/train_ae_*.txt` (ours: consumer wording of harms
  and its hard negatives; AE labels only, so the complaint and special-situation models do not
  read them);
- the customer-service messages (ours, all negative; that figure is a tuned-on one anyway).
The test splits of PsyTAR and the contact-center set are never read here.

Two thresholds are chosen on out-of-fold scores (5 folds, PsyTAR grouped by review), each
message flagged as the runtime does (rules OR the model, engine._model_harms): `threshold` for a
message in which the rules found nothing else, and `threshold_other` for one with a special
situation (other than withdrawal), a complaint or tampering (model.other_finding). The pair kept
gives the highest PsyTAR recall while contact-center precision stays >= `MIN_PRECISION`,
contact-center recall >= `MIN_CC_RECALL` and at most `MAX_CS_FLAGS` of the customer-service
messages are flagged (ties: higher contact-center recall, then precision, then the higher
`threshold_other`). A sentence where a negation or hypothetical silenced a harm is not scored
(the rules keep that call: a model given "no nausea, vomiting or dizziness" scored it 0.99).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from caredesk.safety.screening import model as M
from caredesk.safety.screening import screen
from caredesk.safety.screening.engine import model_inputs
from caredesk.safety.screening.text import normalise
from eval import datasets

MIN_PRECISION = 0.85
MIN_CC_RECALL = 0.96
MAX_CS_FLAGS = 0.015
C = 8.0
FOLDS = 5


def _rows() -> tuple[list[str], list[int], list[str], list[str]]:
    """Texts, labels, group keys (fold by) and set names of the training items."""
    texts, labels, groups, sets = [], [], [], []
    for item, drug in _psytar_dev():
        texts.append(item.text)
        labels.append(int(bool(item.adverse_event)))
        groups.append("p:" + drug)
        sets.append("psytar")
    for item in datasets.contact_center_training():
        texts.append(item.text)
        labels.append(int(bool(item.adverse_event)))
        groups.append("c:" + item.id)
        sets.append("cc")
    for item in datasets.customer_service():
        texts.append(item.text)
        labels.append(0)
        groups.append("s:" + item.id)
        sets.append("cs")
    for path in sorted((datasets.HERE / "contact_center").glob("train_ae_*.txt")):
        for item in datasets.contact_center_batch(path.name):
            texts.append(item.text)
            labels.append(int(bool(item.adverse_event)))
            groups.append("a:" + item.id)
            sets.append("ae")  # training only: not in the threshold figures
    return texts, labels, groups, sets


def _psytar_dev() -> list[tuple[datasets.Item, str]]:
    import csv

    path = datasets.SHARED / "psytar_dev" / "sentences.csv"
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            if datasets.psytar_is_test(row["drug_id"]):
                continue
            ae = bool(row["ADR"].strip() or row["WD"].strip())
            out.append((datasets.Item(f"psytar-{n}", row["sentences"], ae), row["drug_id"]))
    return out


def _matrix(texts: list[str], hints: list[list[str]]) -> csr_matrix:
    indptr: list[int] = [0]
    indices: list[int] = []
    data: list[float] = []
    for text, hint in zip(texts, hints, strict=True):
        ids = M.features(normalise(text), hint)
        indices.extend(ids)
        data.extend([1.0 / math.sqrt(len(ids) or 1)] * len(ids))
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(texts), 1 << M.BITS))


def _fit(x: csr_matrix, y: np.ndarray) -> LogisticRegression:
    clf = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=200)
    return clf.fit(x, y)


def _folds(groups: list[str]) -> np.ndarray:
    import hashlib

    return np.array([int(hashlib.sha256(g.encode()).hexdigest()[:8], 16) % FOLDS for g in groups])


def _stats(flag: np.ndarray, y: np.ndarray, sets: np.ndarray) -> dict[str, float]:
    p, c, s = sets == "psytar", sets == "cc", sets == "cs"
    return {
        "psytar_R": (flag & p & (y == 1)).sum() / max(1, (p & (y == 1)).sum()),
        "cc_R": (flag & c & (y == 1)).sum() / max(1, (c & (y == 1)).sum()),
        "cc_P": (flag & c & (y == 1)).sum() / max(1, (flag & c).sum()),
        "cs_flags": flag[s].mean(),
    }


def _pick_thresholds(
    oof: np.ndarray, y: np.ndarray, rules: np.ndarray, other: np.ndarray, sets: np.ndarray
) -> tuple[float, float, dict[str, float]]:
    """(threshold, threshold_other, out-of-fold figures): see the module docstring."""
    best: tuple = ((-1.0,), 0.99, 0.99, {})
    for t1 in np.arange(0.60, 0.10, -0.01):
        for t2 in np.arange(0.90, 0.20, -0.02):
            flag = rules | (oof >= np.where(other, max(t1, t2), t1))
            st = _stats(flag, y, sets)
            if "--curve" in sys.argv:
                shown = {k: round(float(v), 3) for k, v in st.items()}
                print(round(t1, 2), round(t2, 2), shown, file=sys.stderr)
            ok = st["cc_P"] >= MIN_PRECISION and st["cc_R"] >= MIN_CC_RECALL
            if not ok or st["cs_flags"] > MAX_CS_FLAGS:
                continue
            key = (st["psytar_R"], st["cc_R"], st["cc_P"], t2)
            if key > best[0]:
                best = (key, float(t1), float(max(t1, t2)), st)
    _, t1, t2, st = best
    return round(t1, 2), round(t2, 2), {k: round(float(v), 4) for k, v in st.items()}


def _message_hints(pairs: list[tuple[str, list[str]]]) -> list[str]:
    return sorted({h for _, hs in pairs for h in hs})


def _rules_alone(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """What the rules flag without the AE model (whatever weights are on disk), and whether
    they found another kind of finding (the runtime's `model.other_finding`)."""
    M.load.cache_clear()
    real_load, M.load = M.load, lambda: None  # type: ignore[assignment]
    try:
        results = [screen(t) for t in texts]
    finally:
        M.load = real_load
    rules = np.array([r.adverse_event for r in results])
    other = np.array(
        [M.other_finding(r.special_situations, r.product_complaint, r.tampering) for r in results]
    )
    return rules, other


def _oof(x: csr_matrix, y: np.ndarray, groups: list[str], inputs: list) -> np.ndarray:
    """Out-of-fold score per message: its best sentence, as the runtime reads it."""
    folds, oof = _folds(groups), np.zeros(len(y))
    for k in range(FOLDS):
        clf = _fit(x[folds != k], y[folds != k])
        for i in np.flatnonzero(folds == k):
            if inputs[i]:
                sents, sent_hints = zip(*inputs[i], strict=True)
                oof[i] = clf.predict_proba(_matrix(list(sents), list(sent_hints)))[:, 1].max()
    return oof


def main() -> None:
    texts, labels, groups, set_names = _rows()
    inputs = [model_inputs(t) for t in texts]
    # A message trains as a whole, with the rules' hints of all the sentences the model reads.
    x = _matrix(texts, [_message_hints(pairs) for pairs in inputs])
    y, sets = np.array(labels), np.array(set_names)
    rules, other = _rules_alone(texts)
    oof = _oof(x, y, groups, inputs)
    t1, t2, stats = _pick_thresholds(oof, y, rules, other, sets)
    print(f"out-of-fold at thresholds {t1} / other {t2}:", stats, file=sys.stderr)
    clf = _fit(x, y)
    weights = {str(i): round(float(w), 4) for i, w in enumerate(clf.coef_[0]) if abs(w) >= 0.02}
    out = {
        "about": "Logistic regression over hashed n-grams; built by `python -m eval.train_model` "
        "from PsyTAR dev split (CC BY 4.0, Zolnoori et al. 2019), CareDesk contact-center dev "
        "split and training batches, and customer-service messages. See data/README.md.",
        "bits": M.BITS,
        "bias": round(float(clf.intercept_[0]), 4),
        "threshold": t1,
        "threshold_other": t2,
        "oof": stats,
        "weights": dict(sorted(weights.items(), key=lambda kv: int(kv[0]))),
    }
    Path(M.MODEL_PATH).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {M.MODEL_PATH} ({len(weights)} weights)", file=sys.stderr)


if __name__ == "__main__":
    main()
