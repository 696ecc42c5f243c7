"""Even a small load has every channel, person role, user role, program and case type."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate

from caredesk.cases.models import Case, CaseType, Interaction
from caredesk.demo.loader import load_demo
from caredesk.people.models import Channel, Person, PersonRole
from caredesk.tenancy.models import Membership, ProductType, Program, Role

pytestmark = pytest.mark.django_db


def test_small_load_covers_everything(small_demo):
    load_demo(small_demo)
    interactions = Interaction.objects.system_scope()
    assert set(interactions.values_list("channel", flat=True)) == set(Channel.values)
    persons = Person.objects.system_scope()
    assert set(persons.values_list("role", flat=True)) == set(PersonRole.values)
    assert persons.filter(language="es").exists()
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    programs = Program.objects.system_scope()
    assert programs.count() == 4
    assert set(programs.values_list("country", flat=True)) == {"US"}
    types = set(programs.values_list("products__product_type", flat=True))
    assert types == {
        ProductType.OTC_DRUG,
        ProductType.SUPPLEMENT,
        ProductType.DEVICE,
        ProductType.RX_DRUG,
    }
    cases = Case.objects.system_scope()
    for program in programs:
        assert cases.filter(program=program).exists(), program.code
    assert set(cases.values_list("case_type", flat=True)) == set(CaseType.values)


def test_texts_mention_side_effects_and_product_problems(small_demo):
    load_demo(small_demo)
    bodies = " ".join(Interaction.objects.system_scope().values_list("body", flat=True)).lower()
    for word in ("nausea", "rash", "dizz", "hospitalised", "seal", "foreign particle"):
        assert word in bodies, word


def test_the_printed_login_works_for_a_care_specialist_of_the_otc_program(small_demo):
    load_demo(small_demo)
    user = authenticate(username="agent.relief", password="CareDesk-demo-2026")
    assert user is not None
    membership = Membership.objects.get(user=user)
    assert membership.role == Role.CARE_SPECIALIST
    product_types = set(membership.program.products.values_list("product_type", flat=True))
    assert product_types == {ProductType.OTC_DRUG}
