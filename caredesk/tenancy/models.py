"""Clients, programs (the unit of access), products, lots and who may see which program."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.tenancy.scoping import ProgramScopedManager


class Client(models.Model):
    """A manufacturer whose care programs CareDesk runs."""

    name = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Program(models.Model):
    """A client's brand or product line in one country; the unit of access control."""

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="programs")
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2")
    time_zone = models.CharField(max_length=64, default="America/New_York")
    holiday_calendar = models.CharField(
        max_length=8, default="US", help_text="Country code of the public-holiday calendar"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    scope_path = "id"
    objects = ProgramScopedManager()

    def __str__(self) -> str:
        return self.name


class ProgramClosure(models.Model):
    """A day a program's contact center is closed beyond public holidays."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField()
    reason = models.CharField(max_length=200, blank=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "date"], name="uniq_program_closure")
        ]

    def __str__(self) -> str:
        return f"{self.program_id} closed {self.date}"


class ProductType(models.TextChoices):
    RX_DRUG = "rx_drug", "Rx drug"
    OTC_DRUG = "otc_drug", "OTC drug"
    SUPPLEMENT = "supplement", "Dietary supplement"
    DEVICE = "device", "Medical device"
    ANIMAL_DRUG = "animal_drug", "Animal drug"


class Product(models.Model):
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="products")
    name = models.CharField(max_length=200)
    product_type = models.CharField(max_length=20, choices=ProductType.choices)
    strength = models.CharField(max_length=100, blank=True)
    ndc = models.CharField("NDC", max_length=20, blank=True, db_index=True)
    gtin = models.CharField("GTIN", max_length=14, blank=True, db_index=True)
    udi_di = models.CharField("UDI-DI", max_length=60, blank=True, db_index=True)
    sku = models.CharField("SKU", max_length=60, blank=True)
    active_ingredients = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "name"], name="uniq_product_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.strength}".strip()


class Lot(models.Model):
    """A lot/batch, or a serial range for devices."""

    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="lots")
    number = models.CharField(max_length=60, db_index=True)
    expiry = models.DateField(null=True, blank=True)
    units_distributed = models.PositiveIntegerField(default=0)
    serial_from = models.CharField(max_length=60, blank=True)
    serial_to = models.CharField(max_length=60, blank=True)

    scope_path = "product__program"
    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["product", "number"], name="uniq_lot_number")
        ]

    def __str__(self) -> str:
        return self.number


class Role(models.TextChoices):
    CARE_SPECIALIST = "care_specialist", "Care specialist"
    SUPERVISOR = "supervisor", "Supervisor"
    SAFETY_SPECIALIST = "safety_specialist", "Safety specialist"
    QUALITY_SPECIALIST = "quality_specialist", "Quality specialist"
    MEDICAL_INFORMATION = "medical_information", "Medical information specialist"
    RECALL_COORDINATOR = "recall_coordinator", "Recall coordinator"
    PROGRAM_ADMIN = "program_admin", "Program admin"
    AUDITOR = "auditor", "Auditor (read-only)"


# Roles whose holders can sign regulatory records or change configuration: they need MFA.
MFA_ROLES = frozenset(
    {Role.SAFETY_SPECIALIST, Role.QUALITY_SPECIALIST, Role.RECALL_COORDINATOR, Role.PROGRAM_ADMIN}
)
READ_ONLY_ROLES = frozenset({Role.AUDITOR})


class Membership(models.Model):
    """A user's assignment to a program in one role; the only source of access."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProgramScopedManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "program", "role"], name="uniq_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.role} @ {self.program}"
