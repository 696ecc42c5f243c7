"""The public page of an article the bot cited: only the approved version in use of a consumer
article of a program with an active chat."""

from __future__ import annotations

from caredesk.channels.webchat.services.sessions import widget_for
from caredesk.errors import NotFound
from caredesk.knowledge.models import Article, ArticleVersion, Audience


def public_article(program_code: str, article_id: int) -> ArticleVersion:
    widget = widget_for(program_code)
    article = (
        Article.objects.system_scope()  # scoping: ok (public, approved consumer content only)
        .select_related("current", "program")
        .filter(pk=article_id, program_id=widget.program_id, current__isnull=False)
        .exclude(audience=Audience.HCP)
        .first()
    )
    if article is None or article.current is None:
        raise NotFound("Article not found")
    version = article.current
    version.article = article
    return version
