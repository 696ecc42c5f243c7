"""Test-database switches for the audit trail's append-only triggers.

Test teardown empties every table (TRUNCATE on PostgreSQL, DELETE on SQLite), which the audit
triggers refuse. The test database therefore runs with the maintenance switch on, and the tests
that prove the triggers call `enforce_append_only()` to turn it off for their own transaction.
"""

from __future__ import annotations

import pytest
from django.db import connection
from pytest_django import DjangoDbBlocker


def allow_audit_maintenance() -> None:
    """Turn the maintenance switch on for the whole (throw-away) test database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            name = connection.ops.quote_name(connection.settings_dict["NAME"])
            cursor.execute(f"ALTER DATABASE {name} SET caredesk.audit_maintenance = 'on'")
            cursor.execute("SET caredesk.audit_maintenance = 'on'")
        elif connection.vendor == "sqlite":
            cursor.execute("DELETE FROM audit_maintenance")
            cursor.execute("INSERT INTO audit_maintenance (reason) VALUES ('test database')")


def enforce_append_only() -> None:
    """Make the triggers refuse changes again until the current transaction ends."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL caredesk.audit_maintenance = 'off'")
        elif connection.vendor == "sqlite":
            cursor.execute("DELETE FROM audit_maintenance")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> None:
    """Overrides pytest-django's: test databases run with the maintenance switch on."""
    with django_db_blocker.unblock():
        allow_audit_maintenance()
