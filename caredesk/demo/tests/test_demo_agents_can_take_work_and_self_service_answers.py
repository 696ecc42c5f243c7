"""The demo is ready to work in: a care specialist is certified and gets a case from "get
next", the safety queue is the program's priority queue served by a safety-trained agent, and
the program's chat answers from approved articles."""

from __future__ import annotations

import pytest

from caredesk.accounts.models import User
from caredesk.cases.models import Case
from caredesk.demo.loader import load_demo
from caredesk.knowledge.services.retrieval import search_articles
from caredesk.routing.models import Queue
from caredesk.routing.models_agents import AgentSkills
from caredesk.routing.services.assignment import next_case_for
from caredesk.tenancy.models import Program

pytestmark = pytest.mark.django_db


def test_agents_take_work_and_the_chat_knows_the_articles(small_demo):
    load_demo(small_demo)
    agent = User.objects.get(username="agent.relief")
    program = Program.objects.system_scope().get(code="relievium-us")
    waiting = Case.objects.system_scope().filter(  # a new call nobody has taken yet
        program=program, case_type="general_inquiry", status__in=["new", "open"]
    )
    first = waiting.first()
    assert first is not None
    waiting.filter(pk=first.pk).update(owner=None)
    case = next_case_for(agent)  # certified, with the skills: it gets the work
    assert case is not None and case.owner_id == agent.pk
    safety = Queue.objects.system_scope().get(program=program, code="safety")
    assert safety.is_safety_priority
    assert AgentSkills.objects.filter(program=program, safety_trained=True).exists()
    hits = search_articles(program.pk, "how many tablets can I take", consumer_only=True)
    assert hits and "take" in hits[0].version.title.lower()
