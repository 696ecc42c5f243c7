"""The knowledge pages: an editor writes and submits a draft, another editor approves it with
their password; agents see suggested articles on the case page; another program's article is
the 404 page."""

from __future__ import annotations

import pytest
from django.test import Client

from caredesk.knowledge.models import Article, VersionStatus
from caredesk.testing.factories import PASSWORD, InteractionFactory
from caredesk.testing.knowledge_objects import approved_demo_articles, editors
from caredesk.testing.mfa import login_with_mfa

pytestmark = pytest.mark.django_db


def test_write_submit_and_approve_through_the_pages(world) -> None:
    people = editors(world.program_a)
    author = Client()
    author.force_login(people.author)
    created = author.post(
        "/knowledge/new/",
        {
            "program": world.program_a.pk,
            "kind": "faq",
            "audience": "consumer",
            "language": "en",
            "title": "Opening the cap",
            "body": "Push down and turn.",
        },
    )
    assert created.status_code == 302, created.content
    article = Article.objects.get()
    version = article.versions.get()
    assert author.post(f"/knowledge/versions/{version.pk}/submit/").status_code == 302

    approver = login_with_mfa(Client(), people.approver)
    page = approver.get(f"/knowledge/articles/{article.pk}/")
    assert b"Approve and sign" in page.content
    wrong = approver.post(f"/knowledge/versions/{version.pk}/approve/", {"password": "nope"})
    assert wrong.status_code == 422
    ok = approver.post(f"/knowledge/versions/{version.pk}/approve/", {"password": PASSWORD})
    assert ok.status_code == 302
    version.refresh_from_db()
    assert version.status == VersionStatus.APPROVED


def test_the_case_page_suggests_approved_articles(world) -> None:
    approved_demo_articles(world.program_a)
    InteractionFactory(case=world.case_a, body="Is there gluten in these tablets?")
    agent = Client()
    agent.force_login(world.agent_a)
    page = agent.get(f"/cases/{world.case_a.pk}/")
    assert b"kb-suggestions-slot" in page.content
    partial = agent.get(f"/knowledge/cases/{world.case_a.pk}/suggestions/")
    assert b"Is Relievium gluten free?" in partial.content
    assert agent.get(f"/knowledge/cases/{world.case_b.pk}/suggestions/").status_code == 404


def test_another_programs_article_is_not_found(world) -> None:
    approved = approved_demo_articles(world.program_b)
    admin = login_with_mfa(Client(), world.admin_a)
    assert admin.get(f"/knowledge/articles/{approved[0].article_id}/").status_code == 404
