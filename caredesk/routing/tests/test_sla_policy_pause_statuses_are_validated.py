"""A policy may pause its clocks only in open case statuses: anything else is refused with a
clear message (admin and services use the model's validation)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("statuses", [["resolved"], ["sleeping"], "pending_customer"])
def test_pause_statuses_outside_the_open_statuses_are_refused(world, statuses):
    policy = f.SlaPolicyFactory.build(program=world.program_a, pause_statuses=statuses)
    with pytest.raises(ValidationError) as exc:
        policy.full_clean()
    assert "pause_statuses" in exc.value.message_dict


def test_waiting_on_the_customer_may_pause(world):
    policy = f.SlaPolicyFactory.build(program=world.program_a, pause_statuses=["pending_customer"])
    policy.full_clean()
