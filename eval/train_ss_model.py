"""Train the special-situation models; writes `caredesk/safety/screening/data/ss_model.json`.

Run `python -m eval.train_ss_model` (deterministic). One logistic regression per special-situation
code over the same hashed features as the other screener models. Training data, licence-clean,
dev splits only: the contact-center **dev split** (ours); PsyTAR **dev split** (CC BY 4.0): INF
sentences are lack of efficacy, WD sentences withdrawal, the rest neither; customer-service
messages (ours): none. A code's threshold is the lowest at which that model *by itself* keeps
out-of-fold precision >= `MIN_PRECISION` on the contact-center and PsyTAR items (the rules
were tuned on the same dev items, so rules OR model would look perfect) with at least
`MIN_POSITIVES` positives and `MIN_HITS` flags to judge by; a code that never qualifies
ships without a model.
Finally the customer-service flag rate (anything flagged) must stay <= `MAX_CS_FLAGS`; the
out-of-fold rate on the customer-service training batch is printed next to it.

`MIN_PRECISION` was 0.90 until 2026-12-05. Lowered to 0.85 because recall matters most for
special situations (a person confirms each flag) and out of fold the change bought much recall
for little: model-alone recall pregnancy 0.21 -> 0.49, medication error 0.35 -> 0.56,
breastfeeding 0.58 -> 0.71, overdose 0.13 -> 0.25, two more codes (misuse, withdrawal) qualify,
and still no customer-service message flagged (both sets, out of fold). Chosen on these
out-of-fold figures, before any test figure was run with it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys

import numpy as np

from caredesk.safety.screening import model as M
from caredesk.safety.screening.codes import SpecialSituation
from caredesk.safety.screening.text import normalise, sentences
from eval import datasets
from eval.train_model import _matrix
from eval.train_pc_model import _export, _fit

MIN_PRECISION = 0.85
MIN_POSITIVES = 20
MIN_HITS = 5
MAX_CS_FLAGS = 0.015
FOLDS = 5


def _rows() -> tuple[list[str], list[set[str]], list[str]]:
    texts: list[str] = []
    codes: list[set[str]] = []
    sets: list[str] = []
    for item in datasets.contact_center_training():
        texts.append(item.text)
        codes.append(set(item.special_situations))
        sets.append("cc")
    path = datasets.SHARED / "psytar_dev" / "sentences.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if datasets.psytar_is_test(row["drug_id"]):
                continue
            got = set()
            if row["INF"].strip():
                got.add("lack_of_efficacy")
            if row["WD"].strip():
                got.add("withdrawal")
            texts.append(row["sentences"])
            codes.append(got)
            sets.append("psytar")
    for item in datasets.customer_service():
        texts.append(item.text)
        codes.append(set())
        sets.append("cs")
    for item in datasets.customer_service_training():
        texts.append(item.text)
        codes.append(set())
        sets.append("cs_train")  # learned from; not in the precision or the budget
    return texts, codes, sets


def _statements_only(
    texts: list[str], codes: list[set[str]], sets: list[str]
) -> tuple[list[str], list[set[str]], list[str], list[str]]:
    """The rows plus, for each message without a special situation, the text the runtime
    scores (its statements, questions left out) when that differs: a negative too. Why: a
    message of questions and one short statement ("Farmer here in Co.") reaches the model as
    that statement alone, which weighed a few message-level weights far more than any
    training row did. Returns texts, codes, sets and the text each row's fold is drawn from."""
    out_t, out_c, out_s, fold_keys = list(texts), list(codes), list(sets), list(texts)
    for text, code in zip(texts, codes, strict=True):
        if code:
            continue
        said = " ".join(s.text for s in sentences(normalise(text)) if not s.question)
        if said and said != normalise(text):
            out_t.append(said)
            out_c.append(set())
            out_s.append("extra")
            fold_keys.append(text)
    return out_t, out_c, out_s, fold_keys


def main() -> None:
    texts, codes, set_names, fold_keys = _statements_only(*_rows())
    x = _matrix(texts, [[] for _ in texts])
    sets = np.array(set_names)
    folds = np.array(
        [int(hashlib.sha256(t.encode()).hexdigest()[:8], 16) % FOLDS for t in fold_keys]
    )
    labelled = np.isin(sets, ("cc", "psytar"))
    out: dict = {}
    flagged = np.zeros(len(texts), dtype=bool)
    for code in SpecialSituation:
        y = np.array([str(code) in c for c in codes]).astype(int)
        if y.sum() < MIN_POSITIVES:
            continue
        oof = np.zeros(len(texts))
        for k in range(FOLDS):
            oof[folds == k] = _fit(x[folds != k], y[folds != k]).predict_proba(x[folds == k])[:, 1]
        best = None
        for t in np.arange(0.99, 0.3, -0.01):
            # The lowest threshold whose flags are precise enough, judged on at least MIN_HITS
            # flags (one early false positive at a high score must not switch a model off).
            hit = (oof >= t) & labelled
            if hit.sum() >= MIN_HITS and (y[hit] == 1).mean() >= MIN_PRECISION:
                best = float(t)
        if best is None:
            continue
        rec = ((oof >= best) & (y == 1)).sum() / y.sum()
        print(
            f"{code}: t={best:.2f} model-alone OOF recall {rec:.3f} (n={y.sum()})", file=sys.stderr
        )
        flagged |= (oof >= best) & np.isin(sets, ("cs", "cs_train"))
        out[str(code)] = _export(_fit(x, y), best)
    cs_rate = flagged[sets == "cs"].mean()
    print(f"customer-service messages flagged by these models: {cs_rate:.3f}", file=sys.stderr)
    train_rate = flagged[sets == "cs_train"].mean()
    print(f"customer-service training batch, out of fold: {train_rate:.3f}", file=sys.stderr)
    if cs_rate > MAX_CS_FLAGS:
        raise SystemExit("too many customer-service flags; raise MIN_PRECISION")
    data = {
        "about": "Per-code logistic regressions over hashed n-grams; built by "
        "`python -m eval.train_ss_model` from CareDesk contact-center dev, PsyTAR dev (CC BY 4.0, "
        "Zolnoori et al. 2019) and customer-service messages. See data/README.md.",
        "bits": M.BITS,
        "codes": out,
    }
    M.SS_MODEL_PATH.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {M.SS_MODEL_PATH} ({len(out)} codes)", file=sys.stderr)


if __name__ == "__main__":
    main()
