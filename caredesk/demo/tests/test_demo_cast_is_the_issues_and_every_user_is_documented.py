"""The demo is the cast issue 2 asks for: two clients, four programs (an OTC analgesic, a dietary
supplement, a glucose-meter device and an Rx product served through pharmacists), 20,000 persons
and 100,000 cases by default, and every demo user with its password in docs/demo-users.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from caredesk.demo.catalog import DEMO_PASSWORD, PROGRAMS, USERS
from caredesk.demo.loader import DEFAULT_CASES, DEFAULT_PERSONS, DemoOptions, load_demo
from caredesk.people.models import Person, PersonRole
from caredesk.tenancy.models import Client, Membership, ProductType, Program

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_the_full_load_is_twenty_thousand_persons_and_a_hundred_thousand_cases():
    assert (DEFAULT_PERSONS, DEFAULT_CASES) == (20_000, 100_000)
    assert (DemoOptions().persons, DemoOptions().cases) == (20_000, 100_000)


@pytest.mark.django_db
def test_two_clients_four_programs_one_product_kind_each(small_demo):
    load_demo(small_demo)
    assert Client.objects.count() == 2
    programs = Program.objects.system_scope()
    assert programs.count() == 4
    assert programs.values("client").distinct().count() == 2
    kinds = {p.code: set(p.products.values_list("product_type", flat=True)) for p in programs}
    assert sorted(k for kind in kinds.values() for k in kind) == sorted(
        [ProductType.OTC_DRUG, ProductType.SUPPLEMENT, ProductType.DEVICE, ProductType.RX_DRUG]
    )
    (rx_code,) = [code for code, k in kinds.items() if k == {ProductType.RX_DRUG}]
    rx_persons = Person.objects.system_scope().filter(program__code=rx_code)
    pharmacists = rx_persons.filter(role=PersonRole.PHARMACIST).count()
    assert all(pharmacists >= rx_persons.filter(role=role).count() for role in PersonRole.values), (
        "the Rx program is served through pharmacists"
    )


@pytest.mark.django_db
def test_every_demo_user_is_loaded_and_documented_with_the_password(small_demo):
    load_demo(small_demo)
    doc = (REPO_ROOT / "docs" / "demo-users.md").read_text()
    assert f"`{DEMO_PASSWORD}`" in doc
    for user in USERS:
        assert f"| `{user.username}` |" in doc, user.username
        loaded = Membership.objects.filter(user__username=user.username, role=user.role)
        assert set(loaded.values_list("program__code", flat=True)) == set(user.programs)
    assert {spec.code for spec in PROGRAMS} == set(
        Program.objects.system_scope().values_list("code", flat=True)
    )
