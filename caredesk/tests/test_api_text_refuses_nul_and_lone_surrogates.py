"""API text fields refuse what the databases would refuse (a NUL, a lone surrogate) as a 422
reason, and take any other Unicode text as it is."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from caredesk.api_support.types import LongText

TEXT = TypeAdapter(LongText)


@pytest.mark.parametrize("value", ["plain", "náusea y mareo", "発疹 😀", ""])
def test_ordinary_text_passes_unchanged(value):
    assert TEXT.validate_python(value) == value


@pytest.mark.parametrize("value", ["a\x00b", "half \ud83d of an emoji", "\udfff"])
def test_nul_and_lone_surrogates_are_refused(value):
    with pytest.raises(ValidationError):
        TEXT.validate_python(value)
