"""Articles and their versions.

Why versions: what the bot or an agent told a customer must be traceable to the exact text that
was approved at the time. An approved version is never edited; editing an article makes a new
draft version, which is served only once another person approved it with an e-signature. The
article points at the version in force (`current`), so readers need no "latest approved" query.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from caredesk.audit.models import ESignature
from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class ArticleKind(models.TextChoices):
    FAQ = "faq", "FAQ article"
    STANDARD_RESPONSE = "standard_response", "Standard response"


class Audience(models.TextChoices):
    CONSUMER = "consumer", "Consumers and patients"
    HCP = "hcp", "Healthcare professionals"
    ALL = "all", "Everyone"


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for approval"
    APPROVED = "approved", "Approved (in use)"
    REJECTED = "rejected", "Rejected"
    RETIRED = "retired", "Retired (replaced by a newer version)"


class Article(models.Model):
    """One article of a program's knowledge base; its text lives in its versions."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=ArticleKind.choices, default=ArticleKind.FAQ)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.ALL)
    language = models.CharField(max_length=8, default="en", help_text="ISO 639-1 code")
    current = models.OneToOneField(
        "ArticleVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="current_of",
        help_text="The approved version in use (none until one is approved)",
    )
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "language"])]

    def __str__(self) -> str:
        return f"article {self.pk} of program {self.program_id}"


class ArticleVersion(models.Model):
    """One version of an article's text and its way through review."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    keywords = models.CharField(max_length=300, blank=True, help_text="Extra search words")
    status = models.CharField(
        max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    content_sha256 = models.CharField(max_length=64, blank=True, help_text="What is signed")
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    signature = models.ForeignKey(
        ESignature, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    scope_path = "article__program"
    objects = ProgramScopedManager()

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="uniq_article_version"),
            # At most one version of an article is open for editing or review at a time.
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(status__in=["draft", "submitted"]),
                name="uniq_article_open_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} v{self.number} ({self.status})"
