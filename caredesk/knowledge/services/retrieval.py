"""Searching a program's approved articles: BM25 over titles, keywords and bodies, and the best
passage of each hit to show or read out.

Only the version in use (`Article.current`, approved and signed) is indexed: drafts and retired
versions are never served. The index is built in memory per program and rebuilt when the set of
versions in use changes (one small aggregate query per search tells).
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from caredesk.knowledge.models import Article, ArticleVersion, Audience
from caredesk.knowledge.services.bm25 import Bm25Index
from caredesk.knowledge.services.text import terms

TITLE_WEIGHT = 3
KEYWORD_WEIGHT = 2
PASSAGE_CHARS = 320
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n{2,}")


@dataclass(frozen=True)
class Hit:
    """One article found: the version in use, its score and the passage that fits best."""

    version: ArticleVersion
    score: float
    passage: str

    @property
    def article_id(self) -> int:
        return self.version.article_id

    @property
    def title(self) -> str:
        return self.version.title


@dataclass
class _ProgramIndex:
    freshness: tuple[Any, ...]
    versions: list[ArticleVersion]
    audiences: list[str]
    bm25: Bm25Index


_cache: dict[int, _ProgramIndex] = {}
_lock = threading.Lock()


def passages(body: str) -> list[str]:
    """The body cut into passages of whole sentences, about PASSAGE_CHARS long."""
    out: list[str] = []
    current = ""
    for sentence in (s.strip() for s in _SENTENCE_END.split(body)):
        if not sentence:
            continue
        if current and len(current) + len(sentence) + 1 > PASSAGE_CHARS:
            out.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        out.append(current)
    return out or [body[:PASSAGE_CHARS]]


def _document(version: ArticleVersion) -> list[str]:
    title = terms(version.title) * TITLE_WEIGHT
    keywords = terms(version.keywords) * KEYWORD_WEIGHT
    return [*title, *keywords, *terms(version.body)]


def _in_use(program_id: int) -> Any:
    # scoping: ok (called with a program the caller already resolved for its user or widget)
    return Article.objects.system_scope().filter(program_id=program_id, current__isnull=False)


def _freshness(program_id: int) -> tuple[Any, ...]:
    stats = _in_use(program_id).aggregate(
        n=Count("pk"), last=Max("current__decided_at"), top=Max("current_id")
    )
    return (stats["n"], stats["last"], stats["top"])


def _index_for(program_id: int) -> _ProgramIndex:
    freshness = _freshness(program_id)
    found = _cache.get(program_id)
    if found is not None and found.freshness == freshness:
        return found
    articles = list(_in_use(program_id).select_related("current").order_by("pk"))
    versions = [a.current for a in articles if a.current is not None]
    for article, version in zip(articles, versions, strict=True):
        version.article = article
    built = _ProgramIndex(
        freshness=freshness,
        versions=versions,
        audiences=[a.audience for a in articles],
        bm25=Bm25Index.build([_document(v) for v in versions]),
    )
    with _lock:
        _cache[program_id] = built
    return built


def best_passage(index: Bm25Index, query: list[str], body: str) -> str:
    """The passage of `body` that shares the most query weight (ties: the earliest)."""
    best, best_score = "", -1.0
    for passage in passages(body):
        counts = Counter(terms(passage))
        score = index.score_counts(query, counts, max(sum(counts.values()), 1))
        if score > best_score:
            best, best_score = passage, score
    return best


@dataclass(frozen=True)
class Ranking:
    """Every article matching a query, best first (ties: the older article first), as
    (score, position in the index) pairs; a hit's passage is found only when it is asked for,
    so that a caller showing one page pays for that page only."""

    order: list[tuple[float, int]]
    index: _ProgramIndex | None = None
    query: tuple[str, ...] = ()

    def hit(self, pair: tuple[float, int]) -> Hit:
        assert self.index is not None  # an empty ranking has no pairs to ask about
        score, i = pair
        version = self.index.versions[i]
        passage = best_passage(self.index.bm25, list(self.query), version.body)
        return Hit(version, round(score, 4), passage)

    def hits(self, limit: int) -> list[Hit]:
        return [self.hit(pair) for pair in self.order[:limit]]


def rank_articles(program_id: int, text: str, *, consumer_only: bool = False) -> Ranking:
    """Approved articles of the program ranked for `text` (no match: an empty ranking).

    `consumer_only` leaves out articles written for healthcare professionals (the bot and the
    IVR speak to consumers)."""
    query = terms(text)[:200]
    if not query:
        return Ranking([])
    index = _index_for(program_id)
    order = sorted(
        (
            (score, i)
            for i, score in enumerate(index.bm25.scores(query))
            if score > 0 and not (consumer_only and index.audiences[i] == Audience.HCP)
        ),
        key=lambda pair: (-pair[0], pair[1]),
    )
    return Ranking(order, index, tuple(query))


def search_articles(
    program_id: int, text: str, *, limit: int = 5, consumer_only: bool = False
) -> list[Hit]:
    """The best `limit` approved articles of the program for `text` (no match: empty)."""
    return rank_articles(program_id, text, consumer_only=consumer_only).hits(limit)
