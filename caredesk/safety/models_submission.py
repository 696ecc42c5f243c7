"""Regulatory submissions of a safety case, the sender profile they are sent under, and the
E2B(R3) files safety cases were imported from.

A `Submission` freezes the exact bytes of one report (E2B XML or MedWatch PDF) when it is
created; a Part 11 signature (`caredesk.audit.models.ESignature`) covers the SHA-256 of those
bytes, so what was signed is what was sent. An acknowledgement moves it to acknowledged or
rejected; a rejected one is corrected by a new Submission that points back to it.

Imported at the end of `caredesk.safety.models`, so Django registers them with the safety app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.cases.models import Case, Interaction
from caredesk.safety.models import SafetyCase
from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager

USER = settings.AUTH_USER_MODEL


class SubmissionKind(models.TextChoices):
    E2B = "e2b", "ICH E2B(R3) ICSR"
    MEDWATCH = "medwatch", "MedWatch 3500A"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED = "signed", "Signed"
    SENT = "sent", "Sent"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    REJECTED = "rejected", "Rejected"


class Submission(models.Model):
    """One report of a safety case to a regulator: the frozen content, who signed it, when it
    was sent and what the receiver answered."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    safety_case = models.ForeignKey(
        SafetyCase, on_delete=models.PROTECT, related_name="submissions"
    )
    kind = models.CharField(max_length=10, choices=SubmissionKind.choices)
    status = models.CharField(
        max_length=12, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    message_number = models.CharField(max_length=100, unique=True, help_text="E2B N.2.r.1")
    batch_number = models.CharField(max_length=100, db_index=True, help_text="E2B N.1.2")
    safety_report_id = models.CharField(max_length=100, blank=True, help_text="E2B C.1.1")
    receiver = models.CharField(max_length=60, blank=True, help_text="e.g. ZZFDA/CDER")
    content = models.BinaryField(help_text="The exact bytes signed and sent")
    content_type = models.CharField(max_length=60)
    content_sha256 = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    signed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    signature = models.ForeignKey(
        "audit.ESignature", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    ack_received_at = models.DateTimeField(null=True, blank=True)
    ack_code = models.CharField(max_length=4, blank=True, help_text="ACK.B.r.6 CA/CR")
    ack_batch_code = models.CharField(max_length=4, blank=True, help_text="ACK.A.4 AA/AE/AR")
    ack_local_report_number = models.CharField(max_length=100, blank=True, help_text="ACK.B.r.2")
    ack_errors = models.JSONField(default=list, blank=True, help_text="ACK.B.r.7 / ACK.A.5")
    resubmission_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="resubmissions"
    )

    objects = ProgramScopedManager()

    class Meta:
        ordering = ["safety_case", "created_at", "pk"]
        indexes = [models.Index(fields=["program", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.message_number} ({self.status})"


class SenderProfile(models.Model):
    """Who a program's reports come from (E2B N.1.3 and C.3): the marketing-authorisation
    holder's safety department. Anything left blank is sent as a null flavor."""

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="+")
    sender_identifier = models.CharField(max_length=60, blank=True, help_text="N.1.3 / N.2.r.2")
    organisation = models.CharField(max_length=200, blank=True, help_text="C.3.2")
    company_code = models.CharField(
        max_length=30, blank=True, help_text="COMPANY part of C.1.1 (CC-COMPANY-number)"
    )
    department = models.CharField(max_length=100, blank=True)
    title = models.CharField(max_length=50, blank=True)
    given_name = models.CharField(max_length=60, blank=True)
    family_name = models.CharField(max_length=60, blank=True)
    street = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=60, blank=True)
    postcode = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, blank=True)
    telephone = models.CharField(max_length=40, blank=True)
    fax = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    batch_receiver = models.CharField(max_length=30, default="ZZFDA", help_text="N.1.4")
    message_receiver = models.CharField(max_length=30, default="CDER", help_text="N.2.r.3")

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return f"sender profile of {self.program_id}"


class E2BImport(models.Model):
    """The E2B(R3) ICSR a safety case was created from (a partner's or licensee's report).

    The original XML is kept whole; `source` holds the elements CareDesk has no column for
    (identification C.1, patient D, per-reaction seriousness), so a re-export keeps them.
    """

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    safety_case = models.OneToOneField(
        SafetyCase, on_delete=models.PROTECT, related_name="e2b_import"
    )
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    interaction = models.ForeignKey(Interaction, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(max_length=255)
    message_index = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, db_index=True)
    xml = models.TextField()
    safety_report_id = models.CharField(max_length=100, db_index=True, help_text="C.1.1")
    worldwide_case_id = models.CharField(max_length=100, blank=True, help_text="C.1.8.1")
    sender_organisation = models.CharField(max_length=200, blank=True)
    source = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField()
    imported_by = models.CharField(max_length=150)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["program", "sha256", "message_index"], name="uniq_e2b_import_file"
            )
        ]

    def __str__(self) -> str:
        return f"E2B import {self.safety_report_id}"
