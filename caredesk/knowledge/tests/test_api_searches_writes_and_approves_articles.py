"""The knowledge API: editors write, submit and approve (signed) drafts; any member searches
approved articles and sees suggestions for a case; another program's ids answer 404."""

from __future__ import annotations

import pytest

from caredesk.knowledge.services.retrieval import search_articles
from caredesk.testing.api import ApiClient
from caredesk.testing.factories import PASSWORD, InteractionFactory
from caredesk.testing.knowledge_objects import approved_demo_articles, editors

pytestmark = pytest.mark.django_db


def test_an_article_is_written_submitted_approved_and_found(world) -> None:
    people = editors(world.program_a)
    author, approver = ApiClient(people.author), ApiClient(people.approver)
    body = {
        "program_id": world.program_a.pk,
        "title": "Opening the child-resistant cap",
        "body": "Push down firmly and turn the cap to the left at the same time.",
        "keywords": "open cap lid bottle",
    }
    created = author.post("/knowledge/articles", body)
    assert created.status_code == 201, created.content
    version = created.json()
    assert (version["number"], version["status"]) == (1, "draft")
    assert author.post(f"/knowledge/versions/{version['id']}/submit").status_code == 200
    own = author.post(f"/knowledge/versions/{version['id']}/approve", {"password": PASSWORD})
    assert own.status_code == 403
    wrong = approver.post(f"/knowledge/versions/{version['id']}/approve", {"password": "nope"})
    assert wrong.status_code == 403
    approved = approver.post(f"/knowledge/versions/{version['id']}/approve", {"password": PASSWORD})
    assert approved.status_code == 200, approved.content
    assert approved.json()["status"] == "approved" and approved.json()["signature_id"]

    agent = ApiClient(world.agent_a)
    hits = agent.get(
        "/knowledge/articles", program_id=world.program_a.pk, q="how do I open the bottle"
    )
    assert hits.json()["items"][0]["title"] == "Opening the child-resistant cap"
    detail = agent.get(f"/knowledge/articles/{version['article_id']}").json()
    assert detail["current"]["id"] == version["id"] and detail["versions"] == []

    edited = author.request(
        "PUT", f"/knowledge/articles/{version['article_id']}", {**body, "body": "Press and turn."}
    )
    assert edited.json()["number"] == 2 and edited.json()["status"] == "draft"
    assert search_articles(world.program_a.pk, "press") == []


def test_a_care_specialist_cannot_write_and_another_program_is_not_found(world) -> None:
    agent = ApiClient(world.agent_a)
    body = {"program_id": world.program_a.pk, "title": "Mine", "body": "Text."}
    assert agent.post("/knowledge/articles", body).status_code == 403
    foreign = {**body, "program_id": world.program_b.pk}
    assert ApiClient(world.admin_a).post("/knowledge/articles", foreign).status_code == 404
    assert agent.get("/knowledge/articles", program_id=world.program_b.pk).status_code == 404


def test_suggestions_for_a_case_follow_what_the_customer_wrote(world) -> None:
    approved_demo_articles(world.program_a)
    InteractionFactory(case=world.case_a, body="Can I keep the tablets in the fridge?")
    path = f"/cases/{world.case_a.pk}/suggested-articles"
    hits = ApiClient(world.agent_a).get(path, limit=3).json()["items"]
    assert hits[0]["title"] == "Storing your tablets"
    assert (
        ApiClient(world.agent_a).get(f"/cases/{world.case_b.pk}/suggested-articles").status_code
        == 404
    )
