"""Open cases with no routing row (older rows, direct inserts) are routed by the minute task;
closed cases are left alone and a second run finds nothing."""

from __future__ import annotations

import pytest

from caredesk.cases.models import CaseStatus, CaseType
from caredesk.routing.models_agents import CaseRouting, RoutingClass
from caredesk.routing.tasks import route_unrouted_cases_task
from caredesk.testing import factories as f

pytestmark = pytest.mark.django_db


def test_the_sweep_routes_open_cases_once(world):
    ae = f.CaseFactory(program=world.program_a, case_type=CaseType.ADVERSE_EVENT)
    f.CaseFactory(program=world.program_a, status=CaseStatus.CLOSED)

    assert route_unrouted_cases_task.call_local() == 3  # case_a, case_b and the AE case
    assert CaseRouting.objects.get(case=ae).routing_class == RoutingClass.ADVERSE_EVENT
    assert CaseRouting.objects.get(case=world.case_a).routing_class == RoutingClass.HCP_REQUEST
    assert route_unrouted_cases_task.call_local() == 0
