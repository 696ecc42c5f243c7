"""Logging to the standard error stream that is current when a record is written."""

from __future__ import annotations

import logging
import sys
from typing import IO, Any


class StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A StreamHandler bound to no particular stream: each record goes to `sys.stderr` as it is
    at that moment. The stock handler keeps the stream it found at configuration, and a thread
    that logs after that stream was swapped and closed (a test runner's capture, a daemon's
    redirection) fails with "I/O operation on closed file" instead of writing its record."""

    @property  # type: ignore[override]
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        """Ignored: the stream is always the current `sys.stderr`."""
