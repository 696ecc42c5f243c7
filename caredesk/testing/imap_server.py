"""A small real IMAP4rev1 server for tests: one mailbox per folder, in memory, over TCP.

It speaks the part of the protocol a polling client uses (CAPABILITY, LOGIN, SELECT, UID
SEARCH, UID FETCH of BODY.PEEK[] / BODY[] / FLAGS, UID STORE of flags, UID MOVE, EXPUNGE,
NOOP, LOGOUT), so the poller is tested through imapclient and a socket, not a mock. Not for
anything but tests: no TLS, one user, no literal arguments from clients.
"""

from __future__ import annotations

import re
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from caredesk.testing.smtp import free_port

USER, PASSWORD = "care", "secret"
COMMAND = re.compile(rb"^(\S+) (UID )?(\S+) ?(.*)$", re.IGNORECASE)


@dataclass
class Stored:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


@dataclass
class Mailboxes:
    """What the server holds; tests add mail with `deliver` and read flags and folders."""

    folders: dict[str, list[Stored]] = field(default_factory=lambda: {"INBOX": []})
    next_uid: int = 1
    lock: threading.Lock = field(default_factory=threading.Lock)

    def deliver(self, raw: bytes, folder: str = "INBOX") -> int:
        with self.lock:
            uid = self.next_uid
            self.next_uid += 1
            self.folders.setdefault(folder, []).append(Stored(uid, raw))
            return uid

    def uids(self, folder: str = "INBOX") -> list[int]:
        return [m.uid for m in self.folders.get(folder, [])]

    def flags(self, uid: int, folder: str = "INBOX") -> set[str]:
        return next(m.flags for m in self.folders[folder] if m.uid == uid)


def _uid_set(text: str, known: list[int]) -> list[int]:
    wanted: list[int] = []
    for part in text.split(","):
        low, _, high = part.partition(":")
        top = max(known, default=0) if high == "*" else int(high or low)
        first = max(known, default=0) if low == "*" else int(low)
        wanted.extend(u for u in known if min(first, top) <= u <= max(first, top))
    return wanted


class _Session(socketserver.StreamRequestHandler):
    server: Any

    def handle(self) -> None:
        self.folder: str | None = None
        self.authenticated = False
        self._send(b"* OK [CAPABILITY IMAP4rev1 MOVE UIDPLUS] test server ready")
        while line := self.rfile.readline():
            match = COMMAND.match(line.rstrip(b"\r\n"))
            if match is None:
                self._send(b"* BAD unparsable")
                continue
            tag, _uid, verb, args = match.groups()
            name = verb.decode().upper()
            if name == "LOGOUT":
                self._send(b"* BYE bye")
                self._send(tag + b" OK LOGOUT done")
                return
            handler = getattr(self, f"_cmd_{name.lower()}", None)
            try:
                status = handler(args.decode()) if handler else b"BAD unknown command"
            except (ValueError, KeyError, StopIteration):
                status = b"BAD bad arguments"
            self._send(tag + b" " + status)

    def _send(self, data: bytes) -> None:
        self.wfile.write(data + b"\r\n")

    @property
    def boxes(self) -> Mailboxes:
        return self.server.mailboxes

    def _messages(self) -> list[Stored]:
        return self.boxes.folders[self.folder or "INBOX"]

    def _cmd_capability(self, _args: str) -> bytes:
        self._send(b"* CAPABILITY IMAP4rev1 MOVE UIDPLUS")
        return b"OK CAPABILITY done"

    def _cmd_noop(self, _args: str) -> bytes:
        return b"OK NOOP done"

    def _cmd_login(self, args: str) -> bytes:
        user, password = (a.strip('"') for a in args.split(" ", 1))
        self.authenticated = (user, password) == (USER, PASSWORD)
        return b"OK LOGIN done" if self.authenticated else b"NO [AUTHENTICATIONFAILED] no"

    def _cmd_select(self, args: str) -> bytes:
        folder = args.strip('"')
        if not self.authenticated or folder not in self.boxes.folders:
            return b"NO no such folder"
        self.folder = folder
        self._send(b"* %d EXISTS" % len(self._messages()))
        self._send(b"* 0 RECENT")
        self._send(b"* FLAGS (\\Seen \\Deleted \\Flagged)")
        self._send(b"* OK [UIDVALIDITY 1] ok")
        self._send(b"* OK [UIDNEXT %d] ok" % self.boxes.next_uid)
        return b"OK [READ-WRITE] SELECT done"

    def _cmd_search(self, args: str) -> bytes:
        words = args.upper().split()
        found = [
            m.uid
            for m in self._messages()
            if "\\Deleted" not in m.flags and ("UNSEEN" not in words or "\\Seen" not in m.flags)
        ]
        self._send(b"* SEARCH" + b"".join(b" %d" % u for u in found))
        return b"OK SEARCH done"

    def _cmd_fetch(self, args: str) -> bytes:
        uids, items = args.split(" ", 1)
        with_body = "BODY" in items.upper() or "RFC822" in items.upper()
        messages = self._messages()
        for uid in _uid_set(uids, [m.uid for m in messages]):
            seq = 1 + next(i for i, m in enumerate(messages) if m.uid == uid)
            stored = messages[seq - 1]
            flags = " ".join(sorted(stored.flags)).encode()
            head = b"* %d FETCH (UID %d FLAGS (%s)" % (seq, uid, flags)
            if with_body:
                self.wfile.write(head + b" BODY[] {%d}\r\n" % len(stored.raw) + stored.raw)
                self._send(b")")
            else:
                self._send(head + b")")
        return b"OK FETCH done"

    def _cmd_store(self, args: str) -> bytes:
        uids, mode, flags = args.split(" ", 2)
        names = set(flags.strip("()").split())
        for stored in self._messages():
            if stored.uid in _uid_set(uids, [m.uid for m in self._messages()]):
                if mode.upper().startswith("+"):
                    stored.flags |= names
                elif mode.upper().startswith("-"):
                    stored.flags -= names
                else:
                    stored.flags = names
        return b"OK STORE done"

    def _cmd_move(self, args: str) -> bytes:
        uids, folder = args.split(" ", 1)
        folder = folder.strip('"')
        if folder not in self.boxes.folders:
            return b"NO [TRYCREATE] no such folder"
        chosen = set(_uid_set(uids, [m.uid for m in self._messages()]))
        moving = [m for m in self._messages() if m.uid in chosen]
        self.boxes.folders[self.folder or "INBOX"] = [
            m for m in self._messages() if m.uid not in chosen
        ]
        self.boxes.folders[folder].extend(moving)
        return b"OK MOVE done"

    def _cmd_expunge(self, _args: str) -> bytes:
        folder = self.folder or "INBOX"
        self.boxes.folders[folder] = [m for m in self._messages() if "\\Deleted" not in m.flags]
        return b"OK EXPUNGE done"

    def _cmd_close(self, _args: str) -> bytes:
        self.folder = None
        return b"OK CLOSE done"


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def imap_server(settings: Any) -> Iterator[Mailboxes]:
    """A running IMAP server the settings point at (no TLS), with an empty INBOX and a Done
    folder; yields its mailboxes."""
    mailboxes = Mailboxes(folders={"INBOX": [], "Done": []})
    server = _Server(("127.0.0.1", free_port()), _Session)
    server.mailboxes = mailboxes  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.IMAP_HOST, settings.IMAP_PORT = server.server_address
    settings.IMAP_SSL = False
    settings.IMAP_USER, settings.IMAP_PASSWORD = USER, PASSWORD
    settings.IMAP_FOLDER, settings.IMAP_DONE_FOLDER = "INBOX", ""
    try:
        yield mailboxes
    finally:
        server.shutdown()
        server.server_close()
