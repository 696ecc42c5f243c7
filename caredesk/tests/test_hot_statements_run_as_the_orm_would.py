"""`run_statement` (the inbound route's direct statements) reads and writes what the ORM would,
raises Django's own errors, and hands over to the ordinary cursor while queries are recorded."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caredesk.accounts.models import LoginThrottle, User
from caredesk.db_rows import run_statement
from caredesk.testing.factories import UserFactory

pytestmark = pytest.mark.django_db
TABLE = connection.ops.quote_name(User._meta.db_table)


def _select(user_id: int) -> list[tuple[object, ...]]:
    sql = f"SELECT id, username, is_active FROM {TABLE} WHERE id = %s AND is_active = %s"  # noqa: S608
    return run_statement(connection.alias, sql, [user_id, True])


def test_a_select_gives_the_rows_with_values_bound_as_parameters():
    user = UserFactory(username="o'brien %s")
    assert _select(user.pk) == [(user.pk, "o'brien %s", True)]
    assert _select(user.pk + 1000) == []
    assert _select(user.pk) == [(user.pk, "o'brien %s", True)]  # the prepared statement again


def test_a_write_with_returning_gives_its_row_and_a_conflict_is_djangos_integrity_error():
    meta = LoginThrottle._meta
    table = connection.ops.quote_name(meta.db_table)
    when = meta.get_field("window_started_at").get_db_prep_save(timezone.now(), connection)
    sql = (
        f"INSERT INTO {table} (ip, failures, window_started_at) "  # noqa: S608
        "VALUES (%s, %s, %s) RETURNING id"
    )
    ((new_id,),) = run_statement(connection.alias, sql, ["192.0.2.7", 2, when])
    assert LoginThrottle.objects.get(pk=new_id).failures == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        run_statement(connection.alias, sql, ["192.0.2.7", 3, when])
    assert LoginThrottle.objects.get(ip="192.0.2.7").failures == 2


def test_while_queries_are_recorded_the_ordinary_cursor_runs_and_is_counted():
    user = UserFactory()
    with CaptureQueriesContext(connection) as captured:
        assert _select(user.pk)[0][0] == user.pk
    assert len(captured) == 1
