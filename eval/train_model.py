"""Train the screener's adverse-event model; writes `caredesk/safety/screening/data/ae_model.json`.

Run `python -m eval.train_model` (deterministic: liblinear with fixed data order). Needs the
dev requirements (numpy, scipy, scikit-learn); the runtime reads only the JSON it writes.
`--curve` prints the out-of-fold figures of every threshold pair tried.

Training data, licence-clean only (nothing from the ADE corpus, which may not ship):
- PsyTAR, **dev split only** (CC BY 4.0; AE = ADR or WD; SSI/DI sentences are hard negatives);
- the contact-center set, **dev split** and the training-only batches (ours);
- the AE training batches in `AE_BATCHES` (ours: consumer wording of harms
  and its hard negatives; AE labels only, so the complaint and special-situation models do not
  read them);
- the customer-service messages (ours, all negative; that figure is a tuned-on one anyway) and
  the customer-service training batches `eval/customer_service/train_cs_3.txt` and
  `train_cs_4.txt` (all negative; the second by an independent writer). Since 2026-12-05
  (second session) the customer-service budget below counts them too: the rules have now been
  tuned on both batches (their rule flags are 0-1), and with `messages.jsonl` alone the pair
  moved to 0.23 / 0.52, flagging 2.7 % of the batches out of fold against 1 % of the budget set.
The test splits of PsyTAR and the contact-center set, the contact-center holdout and the
customer-service holdout (`holdout_cs.txt`) are never read here.

Two thresholds are chosen on out-of-fold scores (5 folds, PsyTAR grouped by review), each
message flagged as the runtime does (rules OR the model, engine._model_harms): `threshold` for a
message in which the rules found nothing else, and `threshold_other` for one with a special
situation (other than withdrawal), a complaint or tampering (model.other_finding). A pair is
*feasible* when contact-center precision stays >= `MIN_PRECISION`, contact-center recall >=
`MIN_CC_RECALL` and at most `MAX_CS_FLAGS` of the customer-service messages are flagged; it is
*stable* with margins (m1, m2) when every pair within m1 of `threshold` and m2 of
`threshold_other` (the whole box of grid points; grid steps 0.01 and 0.02) is feasible too. The
pair kept is the stable one with the highest PsyTAR recall (ties: higher contact-center recall,
then precision, then the higher `threshold_other`), for the widest margins in `MARGINS` that
have a stable pair at all: (0.02, 0.04), else (0.02, 0.02), else (0.01, 0.02), else none (the old
rule). The margins used are written to the JSON (`oof.margin_t1`, `oof.margin_t2`). Why: the
best feasible pair used to sit exactly on a limit (contact-center P 0.8502 against 0.85), so a
small change in the rules or data moved it a lot (0.25/0.60 -> 0.36/0.48 -> 0.27/0.56 on three
retrains); a pair inside a plateau keeps its limits when the curves shift a little, and pays
for it with some PsyTAR recall. The limits leave a thin feasible band (precision pushes
`threshold_other` up, contact-center recall pushes it down), so on the data of 2026-12-05 no pair
has the (0.02, 0.04) box and the (0.02, 0.02) one is used (eval/RESULTS.md).

Since 2026-12-05 (third session) every sentence of a harm-free message of two or more
sentences is also a negative row (`_negative_sentences`): the runtime scores single sentences,
and a short one ("Good afternoon.") scored 0.6 on weights learned from whole letters. Compared
on the batches of two writers the model had not seen (the data up to train_19 / train_cs_9, the
same precision limit): customer-service flags 13/300 against 16/300, contact-center precision
0.506 against 0.477 on train_20, out-of-fold PsyTAR recall 0.934 against 0.928 (not a clean
comparison: the second run also had the sentence-splitting rules of commit 31e552c).

Nor is a sentence without a word a harm could not be told without (`harm_vocabulary.py`,
applied in `engine.model_inputs`, so the out-of-fold figures here already include it).

A sentence where a negation or hypothetical silenced a harm is not scored
(the rules keep that call: a model given "no nausea, vomiting or dizziness" scored it 0.99).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, vstack
from sklearn.linear_model import LogisticRegression

from caredesk.safety.screening import model as M
from caredesk.safety.screening import screen
from caredesk.safety.screening.engine import model_inputs
from caredesk.safety.screening.text import normalise
from eval import datasets

# train_ae_4.txt (450 consumer-review sentences by an independent writer, 2026-12-05) is not
# read: with it the out-of-fold figures were worse (PsyTAR R 0.918 against 0.924, contact-center
# P 0.861 against 0.871, and only the narrower margin box), so it stays a labelled set on file.
AE_BATCHES = ("train_ae_1.txt", "train_ae_2.txt")
# 0.85 until 2026-12-05 (third session): with the seventh and eighth writers' batches (new
# registers; devices and farms, where the rules' own precision is 0.78-0.82) no threshold pair
# kept contact-center recall >= 0.95 at 0.85 (the best at recall 0.95 had P 0.829 out of fold).
# Recall is the limit that matters most; 0.82 keeps a margin above the target (P >= 0.80).
# 0.81 since 2026-12-05 (fourth session): with the medical-information batch (train_33, whose
# questions name the symptoms they ask about) only the fallback pair, with no margin box, kept
# 0.82; the contact-center test and holdouts have read 0.84-0.93 against 0.82 out of fold.
MIN_PRECISION = 0.81
# 0.96 until 2026-12-05 (second session): with the fourth writer's batch (findings mentioned in
# passing) in the contact-center training data, no threshold pair kept 0.96 with any margin box
# (the fallback sat on both limits: R 0.962, P 0.852); at the target itself the full box exists.
MIN_CC_RECALL = 0.95
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
    for item in datasets.customer_service_training():
        texts.append(item.text)
        labels.append(0)
        groups.append("s:" + item.id)
        sets.append("cs_train")  # learned from, and in the customer-service budget
    for name in AE_BATCHES:
        for item in datasets.contact_center_batch(name):
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
        "cs_flags": flag[s | (sets == "cs_train")].mean(),
        "cs_train_flags": flag[sets == "cs_train"].mean() if (sets == "cs_train").any() else 0.0,
    }


# Threshold grid in hundredths (integers, so neighbours are exact). MARGINS: (t1, t2) margins
# tried in turn, widest first; a pair is kept only if the limits hold in the whole box around it.
T1_RANGE, T2_RANGE = range(60, 10, -1), range(90, 20, -2)
MARGINS = ((2, 4), (2, 2), (1, 2), (0, 0))


def _feasible(st: dict[str, float]) -> bool:
    return bool(
        st["cc_P"] >= MIN_PRECISION
        and st["cc_R"] >= MIN_CC_RECALL
        and st["cs_flags"] <= MAX_CS_FLAGS
    )


def _grid(
    oof: np.ndarray, y: np.ndarray, rules: np.ndarray, other: np.ndarray, sets: np.ndarray
) -> dict[tuple[int, int], dict[str, float]]:
    """Out-of-fold figures of every pair of the grid widened by the widest margins."""
    m1, m2 = MARGINS[0]
    out = {}
    for a in range(T1_RANGE.start + m1, T1_RANGE.stop - m1, -1):
        for b in range(T2_RANGE.start + m2, T2_RANGE.stop - m2, -2):
            flag = rules | (oof >= np.where(other, max(a, b) / 100, a / 100))
            out[(a, b)] = _stats(flag, y, sets)
    return out


def _stable(ok: dict[tuple[int, int], bool], a: int, b: int, m1: int, m2: int) -> bool:
    """The limits hold at (a, b) and at every pair within the margins around it."""
    return all(ok[(a + da, b + db)] for da in range(-m1, m1 + 1) for db in range(-m2, m2 + 1, 2))


def _best_stable(
    grid: dict[tuple[int, int], dict[str, float]], m1: int, m2: int
) -> tuple[int, int] | None:
    ok = {pair: _feasible(st) for pair, st in grid.items()}
    best: tuple = ((-1.0,), None)
    for a in T1_RANGE:
        for b in T2_RANGE:
            st = grid[(a, b)]
            key = (st["psytar_R"], st["cc_R"], st["cc_P"], b)
            if key > best[0] and _stable(ok, a, b, m1, m2):
                best = (key, (a, b))
    return best[1]


def _pick_thresholds(
    oof: np.ndarray, y: np.ndarray, rules: np.ndarray, other: np.ndarray, sets: np.ndarray
) -> tuple[float, float, dict[str, float]]:
    """(threshold, threshold_other, out-of-fold figures incl. the margins used): see the module
    docstring."""
    grid = _grid(oof, y, rules, other, sets)
    if "--curve" in sys.argv:
        for (a, b), st in grid.items():
            shown = {k: round(float(v), 3) for k, v in st.items()}
            print(a / 100, b / 100, _feasible(st), shown, file=sys.stderr)
    for m1, m2 in MARGINS:
        pair = _best_stable(grid, m1, m2)
        if pair:
            a, b = pair
            figures = {k: round(float(v), 4) for k, v in grid[pair].items()}
            figures["margin_t1"], figures["margin_t2"] = m1 / 100, m2 / 100
            return a / 100, max(a, b) / 100, figures
    raise SystemExit("no threshold pair meets the limits (see --curve)")


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


def _negative_sentences(
    labels: list[int], groups: list[str], inputs: list
) -> tuple[csr_matrix, list[str]]:
    """Each sentence of a harm-free message of two or more sentences, as its own negative row
    (with its message's group, so the folds stay apart). Why: the model trains on whole
    messages but the runtime scores single sentences, and features are scaled by 1/sqrt(n),
    so a short sentence ("Good afternoon.") weighs a few message-level weights four times as
    much; taught on nothing but whole letters that began that way, it scored 0.6."""
    sents: list[str] = []
    hints: list[list[str]] = []
    owners: list[str] = []
    for label, group, pairs in zip(labels, groups, inputs, strict=True):
        if label or len(pairs) < 2:
            continue
        for sent, hint in pairs:
            sents.append(sent)
            hints.append(hint)
            owners.append(group)
    return _matrix(sents, hints), owners


def _oof(x: csr_matrix, y: np.ndarray, groups: list[str], inputs: list, extra: tuple) -> np.ndarray:
    """Out-of-fold score per message: its best sentence, as the runtime reads it."""
    x_neg, neg_groups = extra
    folds, oof = _folds(groups), np.zeros(len(y))
    neg_folds = _folds(neg_groups)
    for k in range(FOLDS):
        xs = vstack([x[folds != k], x_neg[neg_folds != k]]).tocsr()
        ys = np.concatenate([y[folds != k], np.zeros(int((neg_folds != k).sum()), dtype=int)])
        clf = _fit(xs, ys)
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
    extra = _negative_sentences(labels, groups, inputs)
    oof = _oof(x, y, groups, inputs, extra)
    t1, t2, stats = _pick_thresholds(oof, y, rules, other, sets)
    print(f"out-of-fold at thresholds {t1} / other {t2}:", stats, file=sys.stderr)
    clf = _fit(vstack([x, extra[0]]).tocsr(), np.concatenate([y, np.zeros(len(extra[1]), int)]))
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
