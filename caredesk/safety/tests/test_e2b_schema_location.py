"""The XSD set is found without ../shared (vendored), and can be overridden by env var."""

from __future__ import annotations

from pathlib import Path

import pytest

from caredesk.safety.e2b import schema_files


def test_the_vendored_schema_is_used_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(schema_files.ENV_VAR, raising=False)
    assert schema_files.schema_dir() == schema_files.VENDORED_DIR


def test_the_env_var_overrides_and_a_wrong_dir_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(schema_files.ENV_VAR, str(tmp_path))
    with pytest.raises(schema_files.SchemaNotFound, match="CAREDESK_E2B_SCHEMA_DIR"):
        schema_files.schema_dir()
