"""`python -m eval` (`make eval`): the screener's figures on every labelled set and split.

`python -m eval --errors contact_center:dev` also lists the misses of one set (dev sets only
should be inspected while tuning).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Iterable

from caredesk.safety.screening import ScreeningResult, screen
from caredesk.safety.screening.model import _features
from eval import datasets
from eval.metrics import Counts, seriousness_counts, special_counts

features_cache_clear = _features.cache_clear

TARGETS = {"contact_center": (0.95, 0.80), "ade": (0.95, 0.75), "psytar": (0.90, None)}


def _run(items: Iterable[datasets.Item]) -> list[tuple[datasets.Item, ScreeningResult]]:
    return [(item, screen(item.text)) for item in items]


def _ae_line(name: str, split: str, pairs: list, target: tuple) -> str:
    c = Counts.of((i.adverse_event, r.adverse_event) for i, r in pairs)
    goal = f"target R>={target[0]}" + (f" P>={target[1]}" if target[1] else "")
    return f"{name:16} {split:5} n={len(pairs):5}  AE {c}   ({goal})"


HOLDOUTS = ("holdout", "holdout2")


def report(errors: str | None, splits: tuple[str, ...] = ("dev", "test")) -> None:
    print("Adverse event detection")
    sets = {
        "contact_center": datasets.contact_center,
        "ade": datasets.ade,
        "psytar": datasets.psytar,
    }
    runs: dict[str, list] = {}
    for name, loader in sets.items():
        # The holdout batches (holdout_5.txt, holdout_6.txt) are further contact-center tests.
        extra = HOLDOUTS if name == "contact_center" and "test" in splits else ()
        for split in (*splits, *extra):
            runs[f"{name}:{split}"] = pairs = _run(loader(split))
            print(_ae_line(name, split, pairs, TARGETS[name]))
    print("\nContact-center findings (labelled sets)")
    for split in (*splits, *(HOLDOUTS if "test" in splits else ())):
        _findings(split, runs[f"contact_center:{split}"])
    cs = _run(datasets.customer_service())
    flagged = [i for i, r in cs if r.needs_review]
    print(
        f"\nCustomer-service messages without health content: {len(flagged)}/{len(cs)} "
        f"flagged = {len(flagged) / len(cs):.3f} (target <= 0.02)"
    )
    if "test" in splits:
        # Never trained or tuned on: the honest customer-service figures.
        for n, name in enumerate(datasets.CS_HOLDOUTS, start=1):
            held = _run(datasets.customer_service_holdout(name))
            k = sum(r.needs_review for _, r in held)
            print(
                f"customer service holdout {n} ({name}): {k}/{len(held)} flagged = "
                f"{k / len(held):.3f} (target <= 0.02)"
            )
            runs[f"customer_service:holdout{n}"] = held
    maude = _run(datasets.maude_descriptions())
    pcs = sum(r.product_complaint for _, r in maude)
    print(
        f"MAUDE event descriptions (no gold labels): {pcs}/{len(maude)} flagged as product "
        f"complaint = {pcs / len(maude):.3f}"
    )
    _timing()
    runs["customer_service:all"] = cs
    if errors:
        _print_errors(runs[errors])


def _findings(split: str, pairs: list) -> None:
    pc = Counts.of((i.product_complaint, r.product_complaint) for i, r in pairs)
    tp = Counts.of((i.tampering, r.tampering) for i, r in pairs)
    ss = special_counts(pairs)
    cat = [
        r.complaint_category == i.complaint_category
        for i, r in pairs
        if i.product_complaint and r.product_complaint
    ]
    acc = sum(cat) / len(cat) if cat else 0.0
    print(f"  {split:7} product complaint {pc}  (target R>=0.95)")
    print(f"  {split:7} tampering         {tp}  (target R>=0.95)")
    print(f"  {split:7} special situations {ss}  (target R>=0.90)")
    print(f"  {split:7} complaint category accuracy when both flagged: {acc:.3f} (n={len(cat)})")
    if pairs and pairs[0][0].seriousness is not None:
        ser = Counts.of((bool(i.seriousness), bool(r.seriousness)) for i, r in pairs)
        crit = seriousness_counts(pairs)
        print(f"  {split:7} serious (any criterion) {ser}")
        print(f"  {split:7} seriousness criteria (micro) {crit}")


def _timing() -> None:
    texts = [i.text for i in datasets.contact_center("dev")]
    times = []
    for text in texts * 3:
        features_cache_clear()  # each message is timed as if unseen (no cached n-grams)
        t0 = time.perf_counter()
        screen(text)
        times.append((time.perf_counter() - t0) * 1000)
    print(f"screen() median {statistics.median(times):.2f} ms per contact-center message")


def _print_errors(pairs: list) -> None:
    print("\nErrors:")
    for item, result in pairs:
        wrong = []
        if item.adverse_event is not None and item.adverse_event != result.adverse_event:
            wrong.append(f"AE gold={item.adverse_event}")
        if (
            item.product_complaint is not None
            and item.product_complaint != result.product_complaint
        ):
            wrong.append(f"PC gold={item.complaint_category}")
        elif item.product_complaint and item.complaint_category != result.complaint_category:
            wrong.append(f"CAT gold={item.complaint_category} got={result.complaint_category}")
        if item.tampering is not None and item.tampering != result.tampering:
            wrong.append(f"TAMP gold={item.tampering}")
        missing = set(item.special_situations) - {str(s) for s in result.special_situations}
        extra = {str(s) for s in result.special_situations} - set(item.special_situations)
        if missing:
            wrong.append(f"SS missing={sorted(missing)}")
        if extra and item.product_complaint is not None:
            wrong.append(f"SS extra={sorted(extra)}")
        if wrong:
            print(f"- {'; '.join(wrong)} :: {item.text[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m eval")
    parser.add_argument("--errors", help="set:split whose misses to list, e.g. ade:dev")
    parser.add_argument(
        "--dev-only", action="store_true", help="score dev splits only (while tuning)"
    )
    args = parser.parse_args()
    report(args.errors, ("dev",) if args.dev_only else ("dev", "test"))


if __name__ == "__main__":
    main()
