"""Everything a demo case points at belongs to the case's own program."""

from __future__ import annotations

import pytest
from django.db.models import F, Q

from caredesk.cases.models import Case, CaseRequest, Interaction, TimelineEntry
from caredesk.demo.loader import load_demo
from caredesk.people.models import Affiliation, ContactPoint, Person
from caredesk.tenancy.models import Membership

pytestmark = pytest.mark.django_db


def test_cases_point_only_into_their_own_program(small_demo):
    load_demo(small_demo)
    cases = Case.objects.system_scope()
    assert not cases.exclude(person__program=F("program")).exists()
    assert not cases.filter(product__isnull=False).exclude(product__program=F("program")).exists()
    assert not cases.filter(lot__isnull=False).exclude(lot__product=F("product")).exists()
    assert not cases.exclude(queue__program=F("program")).exists()
    assert (
        not cases.filter(organization__isnull=False)
        .exclude(organization__program=F("program"))
        .exists()
    )
    owners = set(cases.filter(owner__isnull=False).values_list("owner_id", "program_id"))
    assert owners
    assert owners <= set(Membership.objects.values_list("user_id", "program_id"))


def test_children_of_a_case_share_its_program(small_demo):
    load_demo(small_demo)
    for model in (Interaction, CaseRequest, TimelineEntry):
        assert not model.objects.system_scope().exclude(program=F("case__program")).exists()
    interactions = Interaction.objects.system_scope()
    assert not interactions.filter(person__isnull=False).exclude(person=F("case__person")).exists()
    assert not ContactPoint.objects.system_scope().exclude(program=F("person__program")).exists()
    assert (
        not Affiliation.objects.system_scope()
        .exclude(organization__program=F("person__program"))
        .exists()
    )


def test_an_agent_sees_only_their_programs_demo_persons(small_demo):
    load_demo(small_demo)
    from caredesk.accounts.models import User

    agent = User.objects.get(username="agent.relief")
    visible = Person.objects.visible_to(agent)
    assert visible.exists()
    assert not visible.filter(~Q(program__code="relievium-us")).exists()
