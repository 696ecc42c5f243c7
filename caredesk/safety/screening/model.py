"""The adverse-event decision: rule evidence, optionally refined by a small linear model.

Placeholder until the trained weights exist: an asserted harm mention decides.
"""

from __future__ import annotations

from typing import Any


def score(norm: str, scoped: Any, hits: list[Any]) -> float:
    return 1.0 if hits else 0.0


def decide(ae_score: float, hits: list[Any], serious: list[Any]) -> bool:
    outcome = any(str(c) in ("death", "life_threatening", "hospitalization") for c, _, _ in serious)
    return bool(hits) or outcome
