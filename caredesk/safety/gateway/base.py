"""The reporting gateway as CareDesk sees it: hand over a signed report, collect what arrived.

FDA's ESG and EMA's EudraVigilance gateway are outside services (AS2 with certificates) that
cannot run here; each is an adapter of this one small interface, as channels are. The local
file-drop adapter (`local.py`) is a real implementation for one machine and for tests, not a
mock: an outbox folder for sent files, an inbox folder per program for partner ICSRs and ACKs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


class GatewayError(RuntimeError):
    """The gateway could not take or give a file. `permanent` says whether a retry can help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class FileKind(StrEnum):
    ICSR = "icsr"  # MCCI_IN200100UV01: a partner's or licensee's report to import
    ACK = "ack"  # MCCI_IN200101UV01: a receiver's acknowledgement of our submission
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    PROCESSED = "processed"
    DUPLICATE = "duplicate"  # the same bytes were already processed for this program
    FAILED = "failed"


@dataclass
class InboundFile:
    """One file the gateway delivered, already stored durably and claimed by this poller."""

    program_code: str
    filename: str
    content: bytes
    handle: str  # the adapter's own reference (for the local adapter: the claimed path)
    already: Outcome | None = None  # set when the same bytes were settled before

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass
class Settled:
    """What became of one inbound file: the outcome, a summary, and the error if it failed."""

    outcome: Outcome
    kind: FileKind = FileKind.UNKNOWN
    summary: str = ""
    error: str = ""
    details: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class FailedFile:
    """A file that could not be processed, kept with its error for a person to look at."""

    program_code: str
    filename: str
    error: str
    failed_at: str


class Gateway(Protocol):
    """What every reporting gateway adapter does."""

    name: str

    def send(self, *, program_code: str, filename: str, content: bytes) -> str:
        """Hand one signed report over; returns the gateway's reference for it. Sending the
        same filename with the same bytes again is harmless (a retry after a crash)."""
        ...

    def claim(self) -> list[InboundFile]:
        """Files that arrived since the last poll, each stored durably and claimed (another
        poller running at the same time does not get the same file)."""
        ...

    def settle(self, item: InboundFile, result: Settled) -> None:
        """Move a claimed file aside as processed, duplicate or failed (with its error)."""
        ...

    def failures(self, program_code: str) -> list[FailedFile]:
        """Files of a program that failed and wait for a person (newest first)."""
        ...
