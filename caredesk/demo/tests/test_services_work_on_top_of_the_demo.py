"""After a bulk demo load (explicit ids), the services still create rows: ids do not clash."""

from __future__ import annotations

import pytest

from caredesk.accounts.models import User
from caredesk.cases.models import Case
from caredesk.cases.services.interactions import InteractionInput, log_interaction
from caredesk.cases.services.lifecycle import CaseInput, create_case
from caredesk.demo.loader import load_demo
from caredesk.people.services.persons import PersonInput, create_person
from caredesk.tenancy.models import Program

pytestmark = pytest.mark.django_db


def test_an_agent_logs_a_new_call_after_the_load(small_demo):
    load_demo(small_demo)
    agent = User.objects.get(username="agent.relief")
    program = Program.objects.get(code="relievium-us")
    person = create_person(
        program,
        PersonInput(first_name="Nora", last_name="Newcaller", phones=["(202) 555-0188"]),
        acting_user=agent,
    )
    case = create_case(
        program, CaseInput(subject="Dosing question", person=person), acting_user=agent
    )
    call = log_interaction(
        case,
        InteractionInput(channel="phone", direction="inbound", body="Dose?"),
        acting_user=agent,
    )
    assert case.pk > max(Case.objects.exclude(pk=case.pk).values_list("pk", flat=True))
    assert call.case_id == case.pk
    assert case.first_response_due is not None
