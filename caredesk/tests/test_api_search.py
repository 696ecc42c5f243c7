"""Search finds persons by name, phone, email or reported lot, and cases by reference,
only within the caller's programs."""

from __future__ import annotations

from caredesk.testing.api import ApiClient


def _found(client: ApiClient, q: str) -> tuple[list[int], list[str]]:
    response = client.get("/search", q=q)
    assert response.status_code == 200, response.content
    body = response.json()
    return [p["id"] for p in body["persons"]], [c["reference"] for c in body["cases"]]


def test_search_finds_a_person_every_way(world):
    api = ApiClient(world.agent_a)
    ana = world.pharmacist_a.pk
    for query in ("ana", "Pharma", "(202) 555-0143", "ana@pharmacy.test", "RLV2401A"):
        persons, _cases = _found(api, query)
        assert persons == [ana], query


def test_search_finds_a_case_by_reference(world):
    persons, cases = _found(ApiClient(world.agent_a), world.case_a.reference.lower())
    assert cases == [world.case_a.reference]
    assert persons == []


def test_search_never_returns_another_programs_rows(world):
    other = ApiClient(world.agent_b)
    for query in ("ana", "202-555-0143", "ana@pharmacy.test", "RLV2401A", world.case_a.reference):
        assert _found(other, query) == ([], []), query
    persons, _ = _found(ApiClient(world.agent_a), "Bea")
    assert persons == []


def test_search_query_is_required_and_bounded(world):
    api = ApiClient(world.agent_a)
    assert api.get("/search").status_code == 422
    assert api.get("/search", q="x" * 101).status_code == 422
    assert _found(api, "a") == ([], [])
