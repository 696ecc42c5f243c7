"""Benchmark `caredesk triage`: screening cost per message against plain JSONL read/write.

Run `python -m bench.triage_bench`. Uses the contact-center evaluation messages (repeated to
about 3,000 lines), times (a) parse + serialise only and (b) parse + screen + serialise, one
message at a time on one core, and prints medians and their ratio. Target: screening median
under 5 ms per message.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caredesk.settings")

from caredesk.safety.screening import screen
from caredesk.safety.screening.model import _features
from caredesk.safety.triage import triage_lines

features_cache_clear = _features.cache_clear
EVAL = Path(__file__).resolve().parent.parent / "eval" / "contact_center"


def _lines() -> list[str]:
    lines = []
    for split in ("dev", "test"):
        for raw in (EVAL / f"{split}.jsonl").open(encoding="utf-8"):
            row = json.loads(raw)
            lines.append(json.dumps({"id": row["id"], "text": row["text"]}) + "\n")
    return (lines * (3000 // len(lines) + 1))[:3000]


def _per_line(lines: list[str], work) -> list[float]:
    out = []
    for line in lines:
        t0 = time.perf_counter()
        work(line)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    lines = _lines()
    screen("warm up the lexicon and model")

    def baseline(line: str) -> None:
        obj = json.loads(line)
        json.dumps({"id": obj["id"], "text": obj["text"]})

    def screened(line: str) -> None:
        features_cache_clear()  # lines repeat in this bench: time each as if unseen
        obj = json.loads(line)
        json.dumps({"id": obj["id"], **screen(obj["text"]).to_json()})

    base = _per_line(lines, baseline)
    full = _per_line(lines, screened)
    t0 = time.perf_counter()
    triage_lines(lines, io.StringIO(), io.StringIO())
    batch = time.perf_counter() - t0
    b, f = statistics.median(base), statistics.median(full)
    p95 = statistics.quantiles(full, n=20)[-1]
    print(f"messages: {len(lines)}")
    print(f"baseline read+write median: {b:.4f} ms/message")
    print(f"triage (screen) median:     {f:.3f} ms/message (p95 {p95:.3f} ms)  target < 5 ms")
    print(f"ratio triage/baseline:      {f / b:.1f}x")
    print(f"whole batch via triage_lines: {batch:.2f} s ({len(lines) / batch:.0f} messages/s)")


if __name__ == "__main__":
    main()
