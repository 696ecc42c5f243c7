"""Reading lists of persons and organizations a user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from caredesk.people.models import Organization, Person


def list_persons(
    user: Any, *, program_id: int | None = None, role: str | None = None, name: str | None = None
) -> QuerySet[Person]:
    """Persons the user may see, by name; `name` matches anywhere in the full name."""
    qs = Person.objects.visible_to(user).prefetch_related("contact_points")
    if program_id is not None:
        qs = qs.filter(program_id=program_id)
    if role:
        qs = qs.filter(role=role)
    if name and name.strip():
        qs = qs.filter(search_name__contains=name.strip().lower())
    return qs.order_by("last_name", "first_name", "id")


def list_organizations(
    user: Any, *, program_id: int | None = None, kind: str | None = None
) -> QuerySet[Organization]:
    qs = Organization.objects.visible_to(user)
    if program_id is not None:
        qs = qs.filter(program_id=program_id)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("name", "id")
