"""The local file-drop gateway: folders stand in for FDA's ESG or a partner's SFTP drop.

Under the gateway directory (CAREDESK_GATEWAY_DIR):

    outbox/<program>/<message number>.xml   reports we sent (written atomically, fsync'd)
    inbox/<program>/<any name>              partner ICSRs and ACKs arriving for a program
    processing/<program>/                   files claimed by a poller (atomic rename)
    processed/<program>/                    files done with, moved aside
    failed/<program>/<name> + .error.json   files that could not be processed, with the error
    ledger/<program>/<sha256>.json          what was done with each distinct content

A claim is a rename out of the inbox, so two pollers never take the same file and a file is in
our own folder, on disk, before anything is read from it. A poller killed half way leaves its
file in processing/, reclaimed after STALE_SECONDS (processing is idempotent). Re-delivering a
file already processed is recognised by its SHA-256 in the ledger; re-delivering a failed one
tries it again. Dot files and names ending .part/.tmp are still being written and are left alone.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Mapping
from pathlib import Path

from django.utils import timezone

from caredesk.safety.gateway.base import (
    FailedFile,
    GatewayError,
    InboundFile,
    Outcome,
    Settled,
)

STALE_SECONDS = 15 * 60
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")
UNASSIGNED = "_unassigned"  # files dropped in the inbox itself, outside any program folder


def _safe(name: str, what: str) -> str:
    if not SAFE_NAME.match(name) or ".." in name:
        raise GatewayError(f"unsafe {what} for a file name: {name!r}", permanent=True)
    return name


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_durably(path: Path, content: bytes) -> None:
    """Write `content` to `path` so that after return it survives a crash (temp, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temp, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
    _fsync_dir(path.parent)


def _move(source: Path, directory: Path, name: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    os.rename(source, target)
    _fsync_dir(directory)
    return target


def _stamp() -> str:
    return f"{timezone.now():%Y%m%dT%H%M%S%f}"


class LocalFileDropGateway:
    """Folders on this machine as the gateway (see the module docstring for the layout)."""

    name = "local"

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _dir(self, area: str, program_code: str) -> Path:
        return self.root / area / program_code

    def send(self, *, program_code: str, filename: str, content: bytes) -> str:
        path = self._dir("outbox", _safe(program_code, "program code")) / _safe(filename, "name")
        if path.exists():
            if path.read_bytes() == content:
                return self.reference(path)
            raise GatewayError(f"{path.name} was already sent with other content", permanent=True)
        try:
            write_durably(path, content)
        except OSError as exc:
            raise GatewayError(f"cannot write {path}: {exc}") from exc
        return self.reference(path)

    def reference(self, path: Path) -> str:
        return f"local:{path.relative_to(self.root)}"

    # Inbound -------------------------------------------------------------------------------

    def claim(self) -> list[InboundFile]:
        inbox = self.root / "inbox"
        claimed: list[InboundFile] = []
        for program_code, path in self._waiting(inbox):
            item = self._claim_one(program_code, path, path.name)
            if item is not None:
                claimed.append(item)
        for program_code, path in self._stale():
            original = path.name.split("-", 1)[1] if "-" in path.name else path.name
            item = self._claim_one(program_code, path, original)
            if item is not None:
                claimed.append(item)
        return claimed

    @staticmethod
    def _ready(path: Path) -> bool:
        name = path.name
        return path.is_file() and not name.startswith(".") and not name.endswith((".part", ".tmp"))

    def _waiting(self, inbox: Path) -> list[tuple[str, Path]]:
        if not inbox.is_dir():
            return []
        found = [(UNASSIGNED, p) for p in sorted(inbox.iterdir()) if self._ready(p)]
        for folder in sorted(p for p in inbox.iterdir() if p.is_dir()):
            found += [(folder.name, p) for p in sorted(folder.iterdir()) if self._ready(p)]
        return found

    def _stale(self) -> list[tuple[str, Path]]:
        base = self.root / "processing"
        if not base.is_dir():
            return []
        cutoff = time.time() - STALE_SECONDS
        return [
            (folder.name, path)
            for folder in sorted(p for p in base.iterdir() if p.is_dir())
            for path in sorted(folder.iterdir())
            if self._ready(path) and path.stat().st_mtime < cutoff
        ]

    def _claim_one(self, program_code: str, path: Path, original: str) -> InboundFile | None:
        """Rename into processing/ (atomic: a concurrent poller loses the race), then read."""
        target_dir = self._dir("processing", program_code)
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / f"{time.time_ns()}-{original}"
        try:
            os.rename(path, target)
        except FileNotFoundError:
            return None
        os.utime(target)  # the claim time, for the stale-claim rule
        _fsync_dir(target_dir)
        item = InboundFile(program_code, original, target.read_bytes(), str(target))
        entry = self._ledger(program_code, item.sha256)
        if entry.exists():
            item.already = Outcome(json.loads(entry.read_text())["outcome"])
        return item

    def _ledger(self, program_code: str, sha256: str) -> Path:
        return self._dir("ledger", program_code) / f"{sha256}.json"

    def settle(self, item: InboundFile, result: Settled) -> None:
        path = Path(item.handle)
        name = f"{_stamp()}-{item.filename}"
        record: dict[str, object] = {
            "outcome": str(result.outcome),
            "kind": str(result.kind),
            "filename": item.filename,
            "sha256": item.sha256,
            "at": timezone.now().isoformat(),
            "summary": result.summary,
            "error": result.error,
            "details": result.details,
        }
        if result.outcome == Outcome.FAILED:
            moved = _move(path, self._dir("failed", item.program_code), name)
            write_durably(moved.with_name(moved.name + ".error.json"), _json(record))
            return
        moved = _move(path, self._dir("processed", item.program_code), name)
        ledger = self._ledger(item.program_code, item.sha256)
        if not ledger.exists():
            write_durably(ledger, _json({**record, "stored_as": moved.name}))

    def failures(self, program_code: str) -> list[FailedFile]:
        folder = self._dir("failed", program_code)
        if not folder.is_dir():
            return []
        out = []
        for path in sorted(folder.glob("*.error.json"), reverse=True):
            data = json.loads(path.read_text())
            out.append(FailedFile(program_code, data["filename"], data["error"], data["at"]))
        return out


def _json(data: Mapping[str, object]) -> bytes:
    return json.dumps(data, indent=2, sort_keys=True, default=str).encode("utf-8")
