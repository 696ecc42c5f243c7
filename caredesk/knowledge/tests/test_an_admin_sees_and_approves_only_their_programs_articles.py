"""Scoping: an admin of program A can neither see nor approve program B's articles (404), and
a care specialist can read approved articles but not write them (403)."""

from __future__ import annotations

import pytest

from caredesk.errors import Forbidden, NotFound
from caredesk.knowledge.models import ArticleVersion
from caredesk.knowledge.services.articles import (
    ArticleInput,
    access_version,
    approve_version,
    create_article,
    submit_version,
)
from caredesk.testing.factories import PASSWORD
from caredesk.testing.knowledge_objects import editors

pytestmark = pytest.mark.django_db


def test_program_a_admin_cannot_see_or_approve_program_b_articles(world) -> None:
    people_b = editors(world.program_b)
    draft_b = create_article(
        world.program_b,
        ArticleInput("Pairing the meter", "Hold the button."),
        acting_user=people_b.author,
    )
    submit_version(draft_b, acting_user=people_b.author)

    assert not ArticleVersion.objects.visible_to(world.admin_a).filter(pk=draft_b.pk).exists()
    with pytest.raises(NotFound):
        access_version(world.admin_a, draft_b.pk)
    with pytest.raises(NotFound):
        approve_version(draft_b, acting_user=world.admin_a, password=PASSWORD)
    with pytest.raises(NotFound):
        create_article(world.program_b, ArticleInput("Mine", "Text."), acting_user=world.admin_a)


def test_a_care_specialist_cannot_write_articles(world) -> None:
    with pytest.raises(Forbidden):
        create_article(world.program_a, ArticleInput("Mine", "Text."), acting_user=world.agent_a)
