"""Writing the knowledge base: drafts, submission, a second person's signed approval.

Why a signed second-person approval: what the bot and the IVR say to a patient, and the standard
responses a medical information specialist sends, are approved content (promotional and
medical-information review); serving an unreviewed text is the failure to prevent. So a version
is served only after someone other than its author approved exactly its text with a Part 11
e-signature (the signed bytes are hashed at submission, and the hash must still match). Every
step is audited in the same transaction as the change.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from caredesk.audit.models import AuditAction, SignatureMeaning
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.audit.signatures import content_digest, sign_record
from caredesk.errors import Conflict, Forbidden, InvalidInput, NotFound
from caredesk.knowledge.models import (
    Article,
    ArticleKind,
    ArticleVersion,
    Audience,
    VersionStatus,
)
from caredesk.tenancy.models import Membership, Program, Role
from caredesk.tenancy.services import check_can_write, roles_of

EDITOR_ROLES = frozenset({Role.PROGRAM_ADMIN, Role.MEDICAL_INFORMATION})
TRACKED = ["status", "submitted_at", "content_sha256", "decided_at", "decision_note"]
TEXT_FIELDS = ["title", "body", "keywords"]
MAX_BODY = 20_000
_LANGUAGE = re.compile(r"^[a-z]{2}$")


@dataclass
class ArticleInput:
    title: str
    body: str
    keywords: str = ""
    kind: str = ArticleKind.FAQ
    audience: str = Audience.ALL
    language: str = "en"


def require_editor(user: Any, program_id: int) -> None:
    """A program admin or medical information specialist of the program (else 403; another
    program: 404)."""
    check_can_write(user, program_id)
    if not roles_of(user, program_id) & EDITOR_ROLES:
        raise Forbidden("Only a program admin or a medical information specialist can do this")


def is_editor(user: Any, program_id: int) -> bool:
    return bool(roles_of(user, program_id) & EDITOR_ROLES)


def editor_programs(user: Any) -> list[Program]:
    """The programs in which the user may write and approve articles."""
    ids = Membership.objects.filter(
        user_id=user.pk, active=True, role__in=list(EDITOR_ROLES)
    ).values("program_id")
    return list(Program.objects.visible_to(user).filter(pk__in=ids).order_by("name"))


def access_article(user: Any, article_id: int) -> Article:
    found = (
        Article.objects.visible_to(user)
        .select_related("program", "current")
        .filter(pk=article_id)
        .first()
    )
    if found is None:
        raise NotFound("Article not found")
    return found


def access_version(user: Any, version_id: int) -> ArticleVersion:
    found = (
        ArticleVersion.objects.visible_to(user)
        .select_related("article", "article__program", "author", "decided_by", "signature")
        .filter(pk=version_id)
        .first()
    )
    if found is None:
        raise NotFound("Article version not found")
    return found


def _validate(data: ArticleInput) -> None:
    errors: dict[str, str] = {}
    if not 3 <= len(data.title.strip()) <= 200:
        errors["title"] = "3-200 characters"
    if not data.body.strip() or len(data.body) > MAX_BODY:
        errors["body"] = f"1-{MAX_BODY} characters"
    if len(data.keywords) > 300:
        errors["keywords"] = "at most 300 characters"
    if data.kind not in ArticleKind.values:
        errors["kind"] = f"one of {', '.join(ArticleKind.values)}"
    if data.audience not in Audience.values:
        errors["audience"] = f"one of {', '.join(Audience.values)}"
    if not _LANGUAGE.match(data.language):
        errors["language"] = "a two-letter ISO 639-1 code, e.g. en or es"
    if errors:
        raise InvalidInput("Invalid article", errors)


def create_article(program: Program, data: ArticleInput, *, acting_user: Any) -> ArticleVersion:
    """A new article with its first draft version (nothing is served until it is approved)."""
    require_editor(acting_user, program.pk)
    _validate(data)
    with transaction.atomic():
        article = Article.objects.create(
            program=program,
            kind=data.kind,
            audience=data.audience,
            language=data.language,
            created_by=acting_user,
        )
        record_created(article, acting_user=acting_user, fields=["kind", "audience", "language"])
        return _new_version(article, data, acting_user, number=1)


def _new_version(
    article: Article, data: ArticleInput, acting_user: Any, *, number: int
) -> ArticleVersion:
    now = timezone.now()
    version = ArticleVersion.objects.create(
        article=article,
        number=number,
        title=data.title.strip(),
        body=data.body.strip(),
        keywords=data.keywords.strip(),
        author=acting_user,
        created_at=now,
        updated_at=now,
    )
    record_created(version, acting_user=acting_user, fields=["number", *TEXT_FIELDS, "status"])
    return version


def edit_article(article: Article, data: ArticleInput, *, acting_user: Any) -> ArticleVersion:
    """Change an article's text. An open draft is revised in place; otherwise (the text in use
    is approved, or the last version was rejected) a new draft version is made. A version
    waiting for approval cannot change under its reviewer: 409."""
    require_editor(acting_user, article.program_id)
    data.kind, data.audience, data.language = article.kind, article.audience, article.language
    _validate(data)
    with transaction.atomic():
        open_version = _open_version(article, lock=True)
        if open_version is not None and open_version.status == VersionStatus.SUBMITTED:
            raise Conflict("A version is waiting for approval; reject it before editing")
        if open_version is None:
            last = article.versions.aggregate(n=Max("number"))["n"] or 0
            return _new_version(article, data, acting_user, number=last + 1)
        before = snapshot(open_version, TEXT_FIELDS)
        open_version.title = data.title.strip()
        open_version.body = data.body.strip()
        open_version.keywords = data.keywords.strip()
        open_version.updated_at = timezone.now()
        open_version.save(update_fields=[*TEXT_FIELDS, "updated_at"])
        changes = diff(before, snapshot(open_version, TEXT_FIELDS))
        record_event(
            AuditAction.UPDATE, acting_user=acting_user, instance=open_version, changes=changes
        )
        return open_version


def _open_version(article: Article, *, lock: bool = False) -> ArticleVersion | None:
    versions = ArticleVersion.objects.system_scope().filter(
        article=article, status__in=[VersionStatus.DRAFT, VersionStatus.SUBMITTED]
    )
    if lock:
        versions = versions.select_for_update()
    return versions.first()


def signed_content(version: ArticleVersion) -> bytes:
    """The exact bytes an approver signs: the article, the version and its whole text."""
    article = version.article
    content = {
        "program": article.program_id,
        "article": article.pk,
        "version": version.number,
        "kind": article.kind,
        "audience": article.audience,
        "language": article.language,
        "title": version.title,
        "body": version.body,
        "keywords": version.keywords,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode("utf-8")


def submit_version(version: ArticleVersion, *, acting_user: Any) -> ArticleVersion:
    """Freeze a draft for review: its text's hash is what the approver will sign."""
    require_editor(acting_user, version.article.program_id)
    if version.status != VersionStatus.DRAFT:
        raise Conflict(f"This version is {version.get_status_display().lower()}, not a draft")
    with transaction.atomic():
        _move(
            version,
            VersionStatus.SUBMITTED,
            acting_user,
            submitted_at=timezone.now(),
            content_sha256=content_digest(signed_content(version)),
        )
    return version


def approve_version(
    version: ArticleVersion, *, acting_user: Any, password: str, note: str = ""
) -> ArticleVersion:
    """Another editor approves with an e-signature; the version in use before it retires."""
    require_editor(acting_user, version.article.program_id)
    if version.status != VersionStatus.SUBMITTED:
        raise Conflict("Only a version submitted for approval can be approved")
    if version.author_id == acting_user.pk:
        raise Forbidden("Someone other than the author must approve this version")
    content = signed_content(version)
    if content_digest(content) != version.content_sha256:
        raise Conflict("The text changed after it was submitted; submit it again")
    # Signed before our own transaction, as the program rules do: a refused signature stays
    # audited even though the approval fails.
    signature = sign_record(
        version,
        content,
        signer=acting_user,
        password=password,
        meaning=SignatureMeaning.RESPONSIBILITY,
    )
    now = timezone.now()
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=version.article_id)
        previous = article.current
        if previous is not None:
            _move(previous, VersionStatus.RETIRED, acting_user)
        _move(
            version,
            VersionStatus.APPROVED,
            acting_user,
            decided_by=acting_user,
            decided_at=now,
            decision_note=note.strip(),
            signature=signature,
        )
        article.current = version
        article.save(update_fields=["current"])
        record_event(
            AuditAction.UPDATE,
            acting_user=acting_user,
            instance=article,
            changes={"current": [getattr(previous, "pk", None), version.pk]},
            reason=f"version {version.number} approved",
        )
    version.article.current = version
    return version


def reject_version(version: ArticleVersion, *, acting_user: Any, note: str) -> ArticleVersion:
    """Send a submitted version back with a reason (its author edits a new draft)."""
    require_editor(acting_user, version.article.program_id)
    if version.status != VersionStatus.SUBMITTED:
        raise Conflict("Only a version submitted for approval can be rejected")
    if not note.strip():
        raise InvalidInput("Say why", {"note": "required"})
    with transaction.atomic():
        _move(
            version,
            VersionStatus.REJECTED,
            acting_user,
            decided_by=acting_user,
            decided_at=timezone.now(),
            decision_note=note.strip(),
        )
    return version


def _move(version: ArticleVersion, status: str, acting_user: Any, **fields: Any) -> None:
    before = snapshot(version, TRACKED)
    version.status = status
    for name, value in fields.items():
        setattr(version, name, value)
    version.save(update_fields=["status", *fields])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=version,
        changes=diff(before, snapshot(version, TRACKED)),
        reason=str(fields.get("decision_note", "")),
    )
