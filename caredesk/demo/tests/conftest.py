"""A small demo load shared by the demo tests (each test still gets its own transaction)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from caredesk.demo.loader import DemoOptions

AS_OF = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture
def small_demo() -> DemoOptions:
    return DemoOptions(seed=7, persons=200, cases=500, as_of=AS_OF)
