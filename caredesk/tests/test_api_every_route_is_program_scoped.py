"""Every API route, fed another program's ids, answers 404 and never shows that program's data.

Routes are read from the OpenAPI document of the one NinjaAPI, so a route added tomorrow is
walked too. Each path parameter is filled with a program-B object's id (all at once, then one
at a time with the others from program A); request bodies are built from the operation's own
schema so that the answer comes from scoping, not from input validation. The agent and the
auditor of program A must get 404 on every method; routes without path parameters, fed
program B's id, must answer 404/422 or show nothing of program B.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import pytest

from caredesk.api import api
from caredesk.cases.models import CaseRequest
from caredesk.people.models import Organization
from caredesk.testing import factories as f
from caredesk.testing.api import ApiClient
from caredesk.testing.channels_objects import channels_side
from caredesk.testing.insights_objects import signals_side
from caredesk.testing.knowledge_objects import knowledge_side
from caredesk.testing.quality_objects import quality_side
from caredesk.testing.routing_objects import routing_side
from caredesk.testing.safety_objects import safety_side

pytestmark = pytest.mark.django_db

PARAM = re.compile(r"{(\w+)}")
PUBLIC = {"/api/v1/health"}
# Writes that touch only the caller (no program's data): they may succeed without an id, and
# must still show nothing of program B.
SELF_SERVICE = {"/api/v1/agents/me/status"}


@functools.cache
def openapi() -> dict[str, Any]:
    return api.get_openapi_schema()


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in openapi()["paths"].items():
        for method, operation in item.items():
            yield path, method.upper(), operation


def components() -> dict[str, Any]:
    return openapi()["components"]["schemas"]


def example(schema: dict[str, Any], ids: dict[str, int], name: str = "") -> Any:
    """A small value valid for `schema`: required fields, and every id field a side has."""
    if "$ref" in schema:
        return example(components()[schema["$ref"].rsplit("/", 1)[1]], ids, name)
    for key in ("allOf", "anyOf", "oneOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return example(options[0], ids, name)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        required = schema.get("required", [])
        props = schema.get("properties", {})
        return {
            key: example(props[key], ids, key) for key in props if key in required or key in ids
        }
    if kind == "array":
        return []
    if kind == "integer":
        return ids.get(name, ids.get(f"{name}_id", 1))
    if kind == "boolean":
        return False
    if kind == "number":
        return 1
    if schema.get("format") == "date-time":
        return "2030-01-02T10:00:00+00:00"
    return "x" * max(1, schema.get("minLength", 1))


def build_request(path: str, operation: dict[str, Any], ids: dict[str, int]) -> tuple[str, Any]:
    url = PARAM.sub(lambda m: str(ids[m.group(1)]), path)
    query = {
        p["name"]: example(p["schema"], ids, p["name"])
        for p in operation.get("parameters", [])
        if p["in"] == "query" and p.get("required")
    }
    body = None
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        body = example(content["application/json"]["schema"], ids)
    return url, (query if body is None else body)


def call(client: ApiClient, method: str, url: str, payload: Any) -> Any:
    if method in {"GET", "HEAD", "DELETE"}:
        return client.request(method, url, **(payload or {}))
    return client.request(method, url, payload)


def side(world: Any, program: Any, case: Any, person: Any, product: Any) -> dict[str, int]:
    """One program's objects, keyed by the parameter or field name that carries their id."""
    lot = f.LotFactory(product=product)
    interaction = f.InteractionFactory(case=case)
    request = CaseRequest.objects.create(  # scoping: ok (test data)
        program=program, case=case, interaction=interaction, kind="question", summary="Dose?"
    )
    org = Organization.objects.create(
        program=program, name="Pharmacy", kind="pharmacy"
    )  # scoping: ok
    queue = f.QueueFactory(program=program)
    return {
        "program": program.pk,
        "program_id": program.pk,
        "case_id": case.pk,
        "person_id": person.pk,
        "person": person.pk,
        "organization_id": org.pk,
        "interaction_id": interaction.pk,
        "request_id": request.pk,
        "product_id": product.pk,
        "product": product.pk,
        "lot_id": lot.pk,
        "queue_id": queue.pk,
        "queue": queue.pk,
        **safety_side(case, interaction),
        **quality_side(case, interaction),
        **channels_side(case),
        **routing_side(program),
        **knowledge_side(program),
        **signals_side(program, case),
    }


@pytest.fixture
def sides(world: Any) -> tuple[dict[str, int], dict[str, int]]:
    a = side(world, world.program_a, world.case_a, world.pharmacist_a, world.product_a)
    b = side(world, world.program_b, world.case_b, world.person_b, world.product_b)
    return a, b


def b_markers(world: Any) -> list[str]:
    return [world.case_b.reference, "Bea", "GlucoTrack", world.program_b.code, "+12025550199"]


def variants(path: str, a: dict[str, int], b: dict[str, int]) -> Iterator[dict[str, int]]:
    """All path parameters from program B, then each one alone from B, the others from A."""
    names = PARAM.findall(path)
    for name in names:
        assert name in a, f"add a program-scoped object for path parameter {name!r} to side()"
    yield {**a, **{n: b[n] for n in names}}
    if len(names) > 1:
        for name in names:
            yield {**a, name: b[name]}


def test_every_route_with_a_foreign_id_answers_not_found(world, sides):
    a, b = sides
    checked = 0
    for persona in (world.agent_a, world.auditor_a):
        client = ApiClient(persona)
        for path, method, operation in operations():
            if not PARAM.search(path):
                continue
            for ids in variants(path, a, b):
                url, payload = build_request(path, operation, ids)
                response = call(client, method, url, payload)
                # An auditor's write may be refused as read-only before any lookup: 403 for
                # every id alike, so it tells nothing about program B.
                allowed = {404, 403} if persona == world.auditor_a and method != "GET" else {404}
                assert response.status_code in allowed, (persona, method, url, response.content)
                assert response.json()["message"]
                checked += 1
    assert checked >= 2 * 15


def test_routes_without_an_id_in_the_path_never_show_another_programs_rows(world, sides):
    _a, b = sides
    client = ApiClient(world.agent_a)
    for path, method, operation in operations():
        if PARAM.search(path) or path in PUBLIC:
            continue
        url, payload = build_request(path, operation, {**b, "q": 0})
        if method == "GET" and "q" in (payload or {}):
            payload["q"] = "Bea"
        response = call(client, method, url, payload)
        assert response.status_code < 500, (method, url)
        if response.status_code < 300:
            assert method == "GET" or path in SELF_SERVICE, (method, url, response.content)
            text = response.content.decode()
            for marker in b_markers(world):
                assert marker not in text, (url, marker)
        else:
            assert response.status_code in {404, 422}, (method, url, response.content)


def test_every_route_but_health_requires_authentication(world, sides):
    a, _b = sides
    anonymous = ApiClient()
    for path, method, operation in operations():
        url, payload = build_request(path, operation, a)
        response = call(anonymous, method, url, payload)
        if path in PUBLIC:
            assert response.status_code == 200
            continue
        assert response.status_code == 401, (method, url)
        assert response.json()["message"] == "Authentication required"


def test_an_auditor_can_read_but_every_write_is_refused(world, sides):
    a, _b = sides
    client = ApiClient(world.auditor_a)
    writes = 0
    for path, method, operation in operations():
        url, payload = build_request(path, operation, a)
        response = call(client, method, url, payload)
        if method == "GET":
            assert response.status_code == 200, (url, response.content)
            continue
        assert response.status_code == 403, (method, url, response.content)
        writes += 1
    assert writes >= 10
