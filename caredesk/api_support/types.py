"""Input field types that keep hostile input out of the database layer.

PostgreSQL refuses NUL characters and SQLite refuses integers beyond 64 bits; both would be a
500 rather than a clear 422, so the API rejects them while parsing, before anything is written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, Field

MAX_ID = 2**63 - 1


def _clean_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    if not value.isascii():
        try:
            value.encode("utf-8")  # fails on a lone surrogate, and only on that
        except UnicodeEncodeError:
            raise ValueError("must be valid Unicode text") from None
    return value


_EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
_LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def _plausible_time(value: datetime) -> datetime:
    try:
        in_utc = value.astimezone(UTC)
    except OverflowError:
        raise ValueError("is out of range") from None
    if not _EARLIEST <= in_utc < _LATEST:
        raise ValueError("must be between 1900 and 2200")
    return in_utc


_Clean = AfterValidator(_clean_text)
# Strings sized to the columns they land in (PostgreSQL enforces varchar lengths).
Text20 = Annotated[str, Field(max_length=20), _Clean]
Text40 = Annotated[str, Field(max_length=40), _Clean]
Text100 = Annotated[str, Field(max_length=100), _Clean]
Text200 = Annotated[str, Field(max_length=200), _Clean]
Text300 = Annotated[str, Field(max_length=300), _Clean]
Text500 = Annotated[str, Field(max_length=500), _Clean]
LanguageCode = Annotated[
    str, Field(min_length=2, max_length=8, description="ISO 639-1 code"), _Clean
]
LongText = Annotated[str, Field(max_length=200_000), _Clean]

ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]
Timestamp = Annotated[AwareDatetime, AfterValidator(_plausible_time)]
