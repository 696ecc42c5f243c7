"""Every UI route, fed another program's ids, answers not-found and never shows that data.

The routes are read from the URL resolver, so a route added tomorrow is walked too. Each int
path parameter is filled with a program-B object's id (all at once, then one at a time with the
others from program A); the agent of program A must get 404 (or 403/405, or a redirect to the
login page), on GET and POST alike, and no page may contain program B's data. /api/ is tested
by the API's own suite.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from caredesk.cases.models import Attachment, CaseRequest
from caredesk.testing import factories as f
from caredesk.testing.insights_objects import signals_side
from caredesk.testing.knowledge_objects import knowledge_side
from caredesk.testing.quality_objects import quality_side
from caredesk.testing.safety_objects import safety_side
from caredesk.testing.voice_objects import callback_side
from caredesk.testing.webchat_objects import chat_side

pytestmark = pytest.mark.django_db

# The web chat's visitor pages and endpoints are public by design (any program's demo page,
# cited articles, token-authenticated JSON); channels/webchat/tests prove their isolation.
SKIP_PREFIXES = ("api/", "chat/demo/", "chat/kb/", "chat/api/")
PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>\w+)>")
ALLOWED_STATUSES = {403, 404, 405}


def ui_routes() -> Iterator[str]:
    """Every route string of the project, nested includes joined, /api/ left out."""

    def walk(patterns: list[Any], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                yield route

    for route in walk(get_resolver().url_patterns, ""):
        route = route.lstrip("^").rstrip("$")
        if not route.startswith(SKIP_PREFIXES):
            yield route


def _side(world: Any, program: Any, case: Any, person: Any, product: Any) -> dict[str, Any]:
    """One program's objects, keyed by the path parameter name that carries their id."""
    queue = f.QueueFactory(program=program, name=f"{program.code} queue")
    interaction = f.InteractionFactory(case=case)
    request = CaseRequest.objects.create(  # scoping: ok (test data)
        program=program, case=case, interaction=interaction, kind="question", summary="Dose?"
    )
    attachment = Attachment(
        interaction=interaction,
        program=program,
        filename="note.txt",
        content_type="text/plain",
        size=4,
        sha256="0" * 64,
    )
    attachment.file.save("note.txt", ContentFile(b"note"), save=True)
    lot = f.LotFactory(product=product)
    return {
        "case_id": case.pk,
        "person_id": person.pk,
        "interaction_id": interaction.pk,
        "request_id": request.pk,
        "attachment_id": attachment.pk,
        "queue_id": queue.pk,
        "product_id": product.pk,
        "lot_id": lot.pk,
        "program_id": program.pk,
        "reference": case.reference,
        # the audit trail of one record: /audit/<model_label>/<object_id>/
        "model_label": "cases.case",
        "object_id": case.pk,
        **safety_side(case, interaction),
        **quality_side(case, interaction),
        **knowledge_side(program),
        **chat_side(program),
        **callback_side(case),
        **signals_side(program, case),
    }


@pytest.fixture
def sides(world: Any, settings: Any, tmp_path: Any) -> dict[str, dict[str, Any]]:
    settings.MEDIA_ROOT = tmp_path
    world.program_b.name = "GlucoTrack US"
    return {
        "a": _side(world, world.program_a, world.case_a, world.pharmacist_a, world.product_a),
        "b": _side(world, world.program_b, world.case_b, world.person_b, world.product_b),
    }


def fill(route: str, values: dict[str, str]) -> str:
    return "/" + PARAM.sub(lambda m: values[m.group("name")], route)


def variants(route: str, sides: dict[str, dict[str, Any]]) -> list[str]:
    """The route with every parameter from program B, then each one alone from B."""
    names = [m.group("name") for m in PARAM.finditer(route)]
    unknown = [name for name in names if name not in sides["b"]]
    if unknown:
        pytest.fail(
            f"route {route!r} has parameter(s) {unknown} this test cannot fill: add a "
            "program-A and a program-B object for them in _side()"
        )
    a = {name: str(sides["a"][name]) for name in names}
    b = {name: str(sides["b"][name]) for name in names}
    urls = [fill(route, b)]
    if len(names) > 1:
        urls += [fill(route, {**a, name: b[name]}) for name in names]
    return urls


def b_markers(world: Any, sides: dict[str, dict[str, Any]]) -> list[str]:
    return [
        world.case_b.reference,
        world.case_b.subject,
        world.person_b.full_name,
        "2025550199",
        world.product_b.name,
        world.program_b.name,
        f"{world.program_b.code} queue",
    ]


def b_payload(sides: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Form data pointing every reference field at program B."""
    b = sides["b"]
    return {
        "q": "Bea",
        "queue": b["queue_id"],
        "product": b["product_id"],
        "lot": b["lot_id"],
        "program": b["program_id"],
        "person": b["person_id"],
        "subject": "probe",
        "body": "probe",
        "summary": "probe",
        "resolution": "probe",
        "reason": "probe",
        "status": "closed",
        "kind": "question",
        "channel": "phone",
        "direction": "inbound",
        "first_name": "Probe",
        "to_me": "1",
    }


def _check(response: Any, url: str, method: str, markers: list[str], with_ids: bool) -> None:
    assert response.status_code < 500, f"{method} {url} → {response.status_code}"
    if with_ids:
        redirect_to_login = response.status_code == 302 and "/accounts/login" in response.get(
            "Location", ""
        )
        assert response.status_code in ALLOWED_STATUSES or redirect_to_login, (
            f"{method} {url} answered {response.status_code} for another program's object"
        )
    body = b"".join(response) if response.streaming else response.content
    text = body.decode("utf-8", "replace")
    for marker in markers:
        assert marker not in text, f"{method} {url} shows program B's {marker!r}"


def test_the_walk_covers_the_workspace_routes() -> None:
    routes = set(ui_routes())
    assert {"cases/<int:case_id>/", "people/<int:person_id>/", "routing/board/"} <= routes


def test_agent_of_program_a_never_reaches_program_b_through_any_route(world, sides) -> None:
    markers = b_markers(world, sides)
    payload = b_payload(sides)
    client = Client(raise_request_exception=False)
    checked = 0
    for route in ui_routes():
        with_ids = bool(PARAM.search(route))
        for url in variants(route, sides) if with_ids else ["/" + route]:
            for method in ("get", "post"):
                client.force_login(world.agent_a)
                data = {"q": "Bea", "queue": payload["queue"]} if method == "get" else payload
                response = getattr(client, method)(url, data)
                _check(response, url, method.upper(), markers, with_ids)
                checked += 1
    assert checked >= 20


def test_the_markers_do_show_for_program_b_itself(world, sides, client) -> None:
    """Control: the same pages do show B's data to B's agent, so the walk above is meaningful."""
    client.force_login(world.agent_b)
    page = client.get(f"/cases/{world.case_b.pk}/").content.decode()
    assert world.case_b.reference in page and world.person_b.full_name in page
