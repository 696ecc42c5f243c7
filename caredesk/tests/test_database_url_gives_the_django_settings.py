"""CAREDESK_DATABASE_URL becomes Django's database settings; a bad URL is a clear error."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from caredesk.config import ConfigError, parse_database_url

BASE = Path("/srv/caredesk")


def test_a_relative_sqlite_file_lives_under_the_base_directory_in_wal_mode():
    settings = parse_database_url("sqlite:///var/db.sqlite3", BASE).as_django()
    assert settings["ENGINE"] == "django.db.backends.sqlite3"
    assert settings["NAME"] == str(BASE / "var" / "db.sqlite3")
    assert "journal_mode=WAL" in settings["OPTIONS"]["init_command"]  # type: ignore[index]


def test_postgres_credentials_are_unquoted_and_hot_statements_may_be_prepared():
    config = parse_database_url("postgres://care%40desk:p%2Fw@db.internal:6432/caredesk", BASE)
    settings = config.as_django()
    assert (settings["USER"], settings["PASSWORD"]) == ("care@desk", "p/w")
    assert (settings["HOST"], settings["PORT"], settings["NAME"]) == (
        "db.internal",
        "6432",
        "caredesk",
    )
    assert settings["OPTIONS"] == {"prepare_threshold": 2**31 - 1}
    without = dataclasses.replace(config, prepared_statements=False).as_django()
    assert without["OPTIONS"] == {"prepare_threshold": None}


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host/", "sqlite://"])
def test_an_unusable_url_is_a_clear_configuration_error(url):
    with pytest.raises(ConfigError, match="CAREDESK_DATABASE_URL"):
        parse_database_url(url, BASE)
