"""The inbound route reads its caller (token, user, roles in the path's program) in one
statement, under the same token rules as every other route."""

from __future__ import annotations

import pytest
from django.utils import timezone

from caredesk.accounts.models import ApiToken
from caredesk.channels.caller import caller_with_roles
from caredesk.channels.models import InboundMessage
from caredesk.channels.services.inbox import ROLES_ATTRIBUTE
from caredesk.testing.api import ApiClient, issue_token

pytestmark = pytest.mark.django_db
GOOD = {"channel": "sms", "provider_message_id": "SM1", "from_phone": "+12025550143", "body": "Hi"}


def test_token_user_and_roles_in_the_program_come_in_one_query(world, django_assert_num_queries):
    raw = issue_token(world.agent_a)
    ApiToken.objects.update(last_used_at=timezone.now())  # no last-use note to write
    with django_assert_num_queries(1):
        user = caller_with_roles(raw, world.program_a.pk)
    assert user == world.agent_a
    roles = getattr(user, ROLES_ATTRIBUTE)
    assert set(roles) == {world.program_a.pk}
    assert roles[world.program_a.pk] and all(
        country == world.program_a.country for _role, country in roles[world.program_a.pk]
    )
    other = caller_with_roles(raw, world.program_b.pk)
    assert getattr(other, ROLES_ATTRIBUTE) == {world.program_b.pk: []}


def test_a_revoked_or_unknown_token_is_no_caller(world):
    raw = issue_token(world.agent_a)
    ApiToken.objects.update(revoked_at=timezone.now())
    assert caller_with_roles(raw, world.program_a.pk) is None
    assert caller_with_roles("cdk_not-a-token", world.program_a.pk) is None
    response = ApiClient(token=raw).post(f"/programs/{world.program_a.pk}/inbound", GOOD)
    assert response.status_code == 401


def test_a_browser_session_may_still_post_and_a_bad_program_id_is_a_clear_4xx(world):
    session = ApiClient(world.agent_a, session=True)
    response = session.post(f"/programs/{world.program_a.pk}/inbound", GOOD)
    assert response.status_code == 202, response.content
    for bad in ("abc", "9" * 30):
        answer = ApiClient(world.agent_a).post(f"/programs/{bad}/inbound", GOOD)
        assert 400 <= answer.status_code < 500, (bad, answer.status_code)
    assert InboundMessage.objects.system_scope().count() <= 1
