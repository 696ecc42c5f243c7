"""An agent answers a live chat through the REST API as through the console: the waiting list
(safety first), join (a second agent gets 409), reply (the visitor's widget reads it; an
outbound interaction on the case), new lines only with `after`, end. Another program's chat is
404; an auditor reads but cannot write."""

from __future__ import annotations

import pytest

from caredesk.cases.models import Direction, Interaction
from caredesk.channels.webchat.models import ChatState
from caredesk.testing.api import ApiClient
from caredesk.testing.routing_objects import skilled_agent

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(visitor):
    visitor.start(name="Sam Visitor")
    visitor.lines("I want to talk to an agent please", "msg-p-000001")
    session = visitor.session()
    assert session.state == ChatState.WAITING
    return session


def test_an_agent_lists_joins_replies_and_ends_a_chat(world, visitor, waiting):
    api = ApiClient(world.agent_a)
    listed = api.get("/chats").json()["items"]
    assert [c["id"] for c in listed] == [waiting.pk] and listed[0]["case_id"] == waiting.case_id
    joined = api.post(f"/chats/{waiting.pk}/join", {})
    assert joined.status_code == 200 and joined.json()["state"] == "with_agent"
    assert joined.json()["agent_id"] == world.agent_a.pk
    other = skilled_agent(world.program_a)
    assert ApiClient(other).post(f"/chats/{waiting.pk}/join", {}).status_code == 409
    sent = api.post(f"/chats/{waiting.pk}/messages", {"text": "Hello Sam, how can I help?"})
    assert sent.status_code == 201, sent.content
    line = sent.json()
    interaction = Interaction.objects.get(pk=line["interaction_id"])
    assert interaction.case_id == waiting.case_id and interaction.direction == Direction.OUTBOUND
    # The visitor's widget reads the reply.
    heard = visitor.lines("Is it safe with ibuprofen?", "msg-p-000002")
    assert heard[0]["sender"] == "customer"
    detail = api.get(f"/chats/{waiting.pk}").json()
    senders = [x["sender"] for x in detail["lines"]]
    assert "agent" in senders and senders[-1] == "customer"
    newer = api.get(f"/chats/{waiting.pk}", after=line["id"]).json()["lines"]
    assert [x["body"] for x in newer] == ["Is it safe with ibuprofen?"]
    ended = api.post(f"/chats/{waiting.pk}/end", {})
    assert ended.json()["state"] == "closed"
    assert api.get("/chats").json()["items"] == []


def test_replies_need_a_joined_agent_and_valid_text(world, waiting):
    api = ApiClient(world.agent_a)
    before = api.post(f"/chats/{waiting.pk}/messages", {"text": "Hi"})
    assert before.status_code == 409 and "Join" in before.json()["message"]
    api.post(f"/chats/{waiting.pk}/join", {})
    assert api.post(f"/chats/{waiting.pk}/messages", {"text": ""}).status_code == 422
    assert api.post(f"/chats/{waiting.pk}/messages", {"text": "x" * 5000}).status_code == 422


def test_other_programs_and_read_only_roles(world, waiting):
    theirs = ApiClient(world.agent_b)
    assert theirs.get("/chats").json()["count"] == 0
    assert theirs.get(f"/chats/{waiting.pk}").status_code == 404
    assert theirs.post(f"/chats/{waiting.pk}/join", {}).status_code == 404
    auditor = ApiClient(world.auditor_a)
    assert auditor.get(f"/chats/{waiting.pk}").status_code == 200
    assert auditor.post(f"/chats/{waiting.pk}/join", {}).status_code == 403
