"""Knowledge-base helpers for tests: two editors of a program and its approved demo articles."""

from __future__ import annotations

from dataclasses import dataclass

from caredesk.accounts.models import User
from caredesk.knowledge.demo import load_demo_articles
from caredesk.knowledge.models import ArticleVersion
from caredesk.tenancy.models import Program, Role
from caredesk.testing import factories as f


@dataclass
class Editors:
    author: User
    approver: User


def editors(program: Program) -> Editors:
    """A medical information specialist who writes and a program admin who approves."""
    suffix = program.code.replace("-", "_")
    return Editors(
        author=f.member(program, Role.MEDICAL_INFORMATION, username=f"mi_{suffix}"),
        approver=f.member(program, Role.PROGRAM_ADMIN, username=f"kbadmin_{suffix}"),
    )


def approved_demo_articles(program: Program) -> list[ArticleVersion]:
    people = editors(program)
    return load_demo_articles(
        program, author=people.author, approver=people.approver, password=f.PASSWORD
    )


def knowledge_side(program: Program) -> dict[str, int]:
    """One program's article with a version waiting for approval, for the route walker."""
    from caredesk.knowledge.services.articles import ArticleInput, create_article, submit_version

    author = f.member(program, Role.MEDICAL_INFORMATION)
    draft = create_article(program, ArticleInput("Walk article", "Walk text."), acting_user=author)
    submit_version(draft, acting_user=author)
    return {"article_id": draft.article_id, "version_id": draft.pk}
