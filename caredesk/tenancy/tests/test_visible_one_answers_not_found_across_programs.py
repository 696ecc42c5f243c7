"""`visible_one`: a user gets a row of their own programs, and the same NotFound for another
program's row as for one that does not exist (so an id reveals nothing)."""

from __future__ import annotations

import pytest

from caredesk.errors import NotFound
from caredesk.people.models import Person
from caredesk.tenancy.models import Lot

pytestmark = pytest.mark.django_db


def test_a_row_of_the_users_program_is_returned_with_what_the_queryset_selected(world):
    lot = Lot.objects.select_related("product").visible_one(world.agent_a, world.lot_a.pk, "Lot")
    assert lot == world.lot_a
    assert "product" in lot._state.fields_cache


def test_another_programs_row_and_a_missing_one_get_the_same_answer(world):
    answers = []
    for pk in (world.person_b.pk, 10**12):
        with pytest.raises(NotFound) as caught:
            Person.objects.visible_one(world.agent_a, pk, "Person")
        answers.append(str(caught.value))
    assert answers[0] == answers[1] == "Person not found"
