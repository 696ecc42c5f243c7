"""Persons who contact a program, their contact points, and the organizations they work for.

A person belongs to one program: the same human calling two clients is two records, because
each client is a separate data controller and must never see the other's contacts.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.tenancy.models import Program
from caredesk.tenancy.scoping import ProgramScopedManager


class PersonRole(models.TextChoices):
    CONSUMER = "consumer", "Consumer"
    PATIENT = "patient", "Patient"
    CAREGIVER = "caregiver", "Caregiver"
    PHARMACIST = "pharmacist", "Pharmacist"
    PHYSICIAN = "physician", "Physician"
    NURSE = "nurse", "Nurse"
    VETERINARIAN = "veterinarian", "Veterinarian"
    OTHER = "other", "Other"


HCP_ROLES = frozenset(
    {PersonRole.PHARMACIST, PersonRole.PHYSICIAN, PersonRole.NURSE, PersonRole.VETERINARIAN}
)


class Channel(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    WEBCHAT = "webchat", "Web chat"
    SMS = "sms", "SMS"
    WHATSAPP = "whatsapp", "WhatsApp"
    FAX = "fax", "Fax"
    MAIL = "mail", "Postal mail"
    VIDEO = "video", "Video"
    IN_PERSON = "in_person", "In person"


class Person(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="persons")
    first_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    role = models.CharField(max_length=20, choices=PersonRole.choices, default=PersonRole.CONSUMER)
    language = models.CharField(max_length=8, default="en")
    time_zone = models.CharField(max_length=64, blank=True)
    preferred_channel = models.CharField(max_length=12, choices=Channel.choices, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    search_name = models.CharField(max_length=210, db_index=True, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "search_name"])]

    def __str__(self) -> str:
        return self.full_name or f"Person {self.pk}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class ContactKind(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    ADDRESS = "address", "Postal address"


class ContactPoint(models.Model):
    """A phone (stored E.164), email (stored lower-case) or postal address of a person."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contact_points")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=ContactKind.choices)
    value = models.CharField(max_length=500, help_text="Normalised: E.164 or lower-case email")
    label = models.CharField(max_length=40, blank=True, help_text="home, work, mobile…")
    is_primary = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        indexes = [models.Index(fields=["program", "kind", "value"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


class OrganizationKind(models.TextChoices):
    PHARMACY = "pharmacy", "Pharmacy"
    HOSPITAL = "hospital", "Hospital"
    CLINIC = "clinic", "Clinic"
    DISTRIBUTOR = "distributor", "Distributor"
    OTHER = "other", "Other"


class Organization(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="organizations")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganizationKind.choices)
    phone = models.CharField(max_length=20, blank=True)
    address = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return self.name


class Affiliation(models.Model):
    """A person's role at an organization (a pharmacist at a pharmacy)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="affiliations"
    )
    title = models.CharField(max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    scope_path = "person__program"
    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "organization"], name="uniq_affiliation")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.organization_id}"
