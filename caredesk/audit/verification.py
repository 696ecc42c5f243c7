"""Recomputing the audit chain: the check behind `caredesk audit verify`.

Reads every event in `seq` order with a server-side iterator (constant memory, whatever the size
of the trail) and stops at the first event that does not follow from its predecessor.
"""

from __future__ import annotations

from dataclasses import dataclass

from caredesk.audit.chain import GENESIS_HASH, canonical_payload, event_hash
from caredesk.audit.models import AuditEvent

CHUNK = 2000


@dataclass(frozen=True)
class ChainBreak:
    """The first event at which the chain does not hold, and why."""

    seq: int
    event_id: int
    reason: str

    def __str__(self) -> str:
        return f"audit chain broken at seq {self.seq} (id {self.event_id}): {self.reason}"


@dataclass(frozen=True)
class VerifyResult:
    verified: int
    broken: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def recomputed_hash(event: AuditEvent) -> str:
    """The hash an event must carry, computed from its stored fields."""
    payload = canonical_payload(
        seq=event.seq,
        at=event.at,
        actor_id=event.actor_id,
        actor_username=event.actor_username,
        action=event.action,
        model=event.model,
        object_id=event.object_id,
        program_id=event.program_id,
        changes=event.changes,
        reason=event.reason,
        request_id=event.request_id,
        prev_hash=event.prev_hash,
    )
    return event_hash(payload)


def _check(event: AuditEvent, expected_seq: int, prev_hash: str) -> str | None:
    if event.seq != expected_seq:
        return f"gap in seq: expected {expected_seq}, found {event.seq}"
    if event.prev_hash != prev_hash:
        return "prev_hash mismatch: does not match the hash of the previous event"
    if event.hash != recomputed_hash(event):
        return "hash mismatch: the stored fields do not produce the stored hash"
    return None


def verify_chain() -> VerifyResult:
    """Check every event from the first; the whole trail, across all programs (system scope)."""
    expected_seq, prev_hash, verified = 1, GENESIS_HASH, 0
    for event in AuditEvent.objects.system_scope().order_by("seq").iterator(chunk_size=CHUNK):
        problem = _check(event, expected_seq, prev_hash)
        if problem is not None:
            return VerifyResult(verified, ChainBreak(event.seq, event.pk, problem))
        verified += 1
        expected_seq, prev_hash = event.seq + 1, event.hash
    return VerifyResult(verified, None)
