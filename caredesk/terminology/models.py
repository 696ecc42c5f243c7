"""Coded terms for adverse events: releases of a terminology and their terms.

MedDRA is licensed, so CareDesk ships none of it: a customer loads their own release from the
distribution's ASCII files (`caredesk terminology load-meddra DIR`). A small open list of common
lay-to-clinical reaction terms, with codes of its own (`OPEN:…`), serves demos and tests. Terms
are not program data: one installation codes with the releases it holds.
"""

from __future__ import annotations

from django.db import models


class TermLevel(models.TextChoices):
    PT = "PT", "Preferred term"
    LLT = "LLT", "Lowest level term"


class TerminologyRelease(models.Model):
    """One loaded release of a terminology (e.g. MedDRA 27.1 English)."""

    name = models.CharField(max_length=60, help_text="MedDRA, or the open list")
    version = models.CharField(max_length=20)
    language = models.CharField(max_length=20, default="en")
    licensed = models.BooleanField(
        default=False, help_text="Licensed content (MedDRA): never exported outside the install"
    )
    active = models.BooleanField(default=True, help_text="Offered for coding")
    source = models.CharField(max_length=500, blank=True, help_text="Where it was loaded from")
    loaded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["name", "version", "language"], name="uniq_terminology_release"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.version} ({self.language})"


class Term(models.Model):
    """A PT, or an LLT with the code of its PT."""

    release = models.ForeignKey(TerminologyRelease, on_delete=models.CASCADE, related_name="terms")
    code = models.CharField(max_length=20)
    term = models.CharField(max_length=250)
    level = models.CharField(max_length=3, choices=TermLevel.choices)
    pt_code = models.CharField(max_length=20, blank=True, help_text="The LLT's preferred term")
    current = models.BooleanField(default=True, help_text="MedDRA currency flag of an LLT")
    language = models.CharField(max_length=20, default="en")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "level", "code"], name="uniq_term_code")
        ]
        indexes = [models.Index(fields=["release", "term"])]

    def __str__(self) -> str:
        return f"{self.term} [{self.level} {self.code}]"
