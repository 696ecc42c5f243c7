"""API shapes of the knowledge base."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from caredesk.api_support.types import LongText, Text200, Text300
from caredesk.knowledge.models import ArticleKind, Audience


class VersionOut(Schema):
    id: int
    article_id: int
    number: int
    title: str
    body: str
    keywords: str
    status: str
    author_id: int
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    decided_by_id: int | None
    decided_at: datetime | None
    decision_note: str
    signature_id: int | None


class ArticleOut(Schema):
    id: int
    program_id: int
    kind: str
    audience: str
    language: str
    current: VersionOut | None
    versions: list[VersionOut]


class HitOut(Schema):
    article_id: int
    version_id: int
    title: str
    score: float
    passage: str
    kind: str
    audience: str
    language: str


class ArticleIn(Schema):
    program_id: int = Field(..., ge=1)
    title: Text200
    body: LongText
    keywords: Text300 = ""
    kind: ArticleKind = ArticleKind.FAQ
    audience: Audience = Audience.ALL
    language: str = Field("en", min_length=2, max_length=2)


class ArticleEditIn(Schema):
    title: Text200
    body: LongText
    keywords: Text300 = ""


class ApproveIn(Schema):
    password: str = Field(..., max_length=200, description="Re-entered to sign (11.200)")
    note: str = Field("", max_length=2000)


class RejectIn(Schema):
    note: str = Field(..., min_length=1, max_length=2000)
