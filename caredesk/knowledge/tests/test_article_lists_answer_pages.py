"""The article lists answer the page envelope: a program's approved articles (oldest first, or
ranked for `q`) and the articles suggested for a case (ranked), never another program's."""

from __future__ import annotations

import pytest

from caredesk.knowledge.services.retrieval import search_articles
from caredesk.knowledge.services.suggestions import suggestions_for_case
from caredesk.testing.api import ApiClient
from caredesk.testing.factories import InteractionFactory
from caredesk.testing.knowledge_objects import approved_demo_articles
from caredesk.testing.pages import assert_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(world) -> list[int]:
    approved_demo_articles(world.program_b)
    return sorted(version.article_id for version in approved_demo_articles(world.program_a))


def test_articles_page_oldest_first_without_a_query(world, articles):
    api = ApiClient(world.agent_a)
    path = "/knowledge/articles"
    assert_pages(api, path, articles, key="article_id", program_id=world.program_a.pk)


def test_articles_page_in_rank_order_with_a_query(world, articles):
    q = "tablets dose children fridge cap"
    ranked = [hit.article_id for hit in search_articles(world.program_a.pk, q, limit=200)]
    assert set(ranked) <= set(articles)
    api = ApiClient(world.agent_a)
    rows = assert_pages(
        api, "/knowledge/articles", ranked, key="article_id", program_id=world.program_a.pk, q=q
    )
    assert all(row["passage"] for row in rows)


def test_suggested_articles_page_in_rank_order(world, articles):
    InteractionFactory(case=world.case_a, body="Can my children take the tablets? Fridge?")
    ranked = [hit.article_id for hit in suggestions_for_case(world.case_a, limit=200)]
    assert set(ranked) <= set(articles)
    path = f"/cases/{world.case_a.pk}/suggested-articles"
    assert_pages(ApiClient(world.agent_a), path, ranked, key="article_id")
    assert ApiClient(world.agent_b).get(path).status_code == 404
