"""Schemathesis fuzzes every operation of the API through the real Django WSGI app.

The agent of program A calls each operation with generated input (valid and invalid per the
OpenAPI document), once with generated ids and once with program A's real ids in the path.
No answer may be a 5xx, use an undocumented status or content type, or break its schema.
Bounded (25 examples per operation, derandomized) so it runs in well under a
minute; marked `slow`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from caredesk.cases.models import CaseRequest
from caredesk.people.models import Organization
from caredesk.testing import factories as f
from caredesk.testing.api import issue_token
from caredesk.testing.channels_objects import channels_side
from caredesk.testing.insights_objects import signals_side
from caredesk.testing.knowledge_objects import knowledge_side
from caredesk.testing.quality_objects import quality_side
from caredesk.testing.routing_objects import routing_side
from caredesk.testing.safety_objects import safety_side

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

VALID_EXAMPLES = 18  # per operation, 25 in all
INVALID_EXAMPLES = 7
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@contextmanager
def in_test_transaction() -> Iterator[None]:
    """Keep the WSGI handler from closing the test's connection (as Django's test Client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def real_ids(world: Any) -> dict[str, int]:
    interaction = f.InteractionFactory(case=world.case_a)
    request = CaseRequest.objects.create(  # scoping: ok (test data)
        program=world.program_a, case=world.case_a, kind="question", summary="Dose?"
    )
    return {
        "program_id": world.program_a.pk,
        "case_id": world.case_a.pk,
        "person_id": world.pharmacist_a.pk,
        "interaction_id": interaction.pk,
        "request_id": request.pk,
        "product_id": world.product_a.pk,
        "lot_id": world.lot_a.pk,
        "organization_id": Organization.objects.create(  # scoping: ok (test data)
            program=world.program_a, name="Main St Pharmacy", kind="pharmacy"
        ).pk,
        **safety_side(world.case_a, interaction),
        **quality_side(world.case_a, interaction),
        **channels_side(world.case_a),
        **routing_side(world.program_a),
        **knowledge_side(world.program_a),
        **signals_side(world.program_a, world.case_a),
    }


def fuzz(
    operation: Any, headers: dict[str, str], mode: GenerationMode, examples: int, **fixed: Any
) -> None:
    strategy = operation.as_strategy(generation_mode=mode, **fixed)

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    try:
        run()
    except Unsatisfiable:
        # An operation without parameters or body has no invalid input to generate.
        assert mode == GenerationMode.NEGATIVE, operation.label


def test_no_operation_answers_5xx_or_breaks_its_schema(world):
    headers = {"Authorization": f"Bearer {issue_token(world.agent_a)}"}
    ids = real_ids(world)
    with in_test_transaction():
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 20
        for operation in operations:
            # Real ids of program A reach past the 404 into the handlers; foreign and unknown
            # ids are walked by test_api_every_route_is_program_scoped.
            real = {p.name: ids[p.name] for p in operation.path_parameters}
            fuzz(operation, headers, GenerationMode.POSITIVE, VALID_EXAMPLES, path_parameters=real)
            fuzz(operation, headers, GenerationMode.NEGATIVE, INVALID_EXAMPLES)
