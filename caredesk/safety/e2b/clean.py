"""Text that XML 1.0 can carry: what a caller typed can hold control characters (a pasted
form feed, a NUL from a broken fax OCR) that lxml refuses, which would make a safety report
impossible to export. They carry no meaning, so they are dropped before the XML is built."""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import Any, TypeVar

# XML 1.0 Char: tab, LF, CR and U+0020.. except surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
T = TypeVar("T")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def xml_safe(value: T) -> T:
    """A copy of a message dataclass tree with every free-text string made XML-safe."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    if isinstance(value, Enum):
        return value  # codes and null flavors are ours, already valid
    if isinstance(value, str):
        return xml_text(value) if _NOT_XML.search(value) else value
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return dataclasses.replace(value, **changes)
    return value
