"""How an audit event is hashed. Kept apart so the writer and the verifier cannot drift."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


def canonical_payload(
    *,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_username: str,
    action: str,
    model: str,
    object_id: str,
    program_id: int | None,
    changes: dict[str, Any],
    reason: str,
    request_id: str,
    prev_hash: str,
) -> bytes:
    body = {
        "seq": seq,
        "at": at.isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor_username": actor_username,
        "action": action,
        "model": model,
        "object_id": object_id,
        "program_id": program_id,
        "changes": changes,
        "reason": reason,
        "request_id": request_id,
        "prev_hash": prev_hash,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), default=str).encode()


def event_hash(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()
