"""Writing JSON Lines for the batch commands (`caredesk triage`, `caredesk safety deadlines`)."""

from __future__ import annotations

import json
from typing import Any


def json_line(obj: dict[str, Any]) -> str:
    """One JSON line, UTF-8 as written; a lone surrogate (an input id like "\\ud800") cannot be
    UTF-8, so such a line stays \\u-escaped instead of failing the batch at write time."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return json.dumps(obj, separators=(",", ":"))
    return text
