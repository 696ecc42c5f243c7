"""A compiled keyed read gives the same instance the ORM would: converted values, deferred gaps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from caredesk.accounts.models import ApiToken, User
from caredesk.accounts.services.tokens import create_api_token
from caredesk.db_rows import KeyedRead
from caredesk.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_whole_row_reads_as_the_orm_reads_it():
    user = UserFactory(locked_until=timezone.now() + timedelta(minutes=5), is_active=False)
    read = KeyedRead(User, "id").get(user.pk)
    expected = User.objects.get(pk=user.pk)
    assert read is not None
    for field in User._meta.concrete_fields:
        assert getattr(read, field.attname) == getattr(expected, field.attname), field.name
    assert read.is_active is False
    assert read.locked_until is not None and read.locked_until.tzinfo is not None


def test_chosen_columns_come_in_the_model_order_and_the_rest_are_deferred():
    user = UserFactory()
    create_api_token(user, "integration")
    token = ApiToken.objects.get(user=user)
    token.last_used_at = timezone.now()
    token.save(update_fields=["last_used_at"])
    reader = KeyedRead(ApiToken, "token_hash", ["last_used_at", "user", "id"])
    read = reader.get(token.token_hash)
    assert read is not None
    assert (read.pk, read.user_id, read.last_used_at) == (token.pk, user.pk, token.last_used_at)
    assert "name" in read.get_deferred_fields()
    assert read.name == "integration"  # a deferred column is loaded when asked for


def test_no_row_is_none_and_an_unknown_column_is_refused():
    assert KeyedRead(ApiToken, "token_hash").get("no such hash") is None
    with pytest.raises(ValueError, match="no field"):
        KeyedRead(ApiToken, "token_hash", ["id", "colour"])


def test_a_related_object_comes_in_the_same_row(django_assert_num_queries):
    user = UserFactory()
    create_api_token(user, "integration")
    User.objects.filter(pk=user.pk).update(is_active=False)
    token_hash = ApiToken.objects.get(user=user).token_hash
    reader = KeyedRead(ApiToken, "token_hash", ["id", "user"], related="user")
    joined = User.objects.get(pk=user.pk).date_joined
    with django_assert_num_queries(1):
        read = reader.get(token_hash)
        assert read is not None
        assert read.user.pk == user.pk
        assert read.user.is_active is False
        assert read.user.date_joined == joined
