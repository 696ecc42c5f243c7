"""Finding persons a user may see: by id, name, phone, email, or a lot number they reported."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q, QuerySet

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.people.models import ContactKind, ContactPoint, Organization, Person

_DIGITS = re.compile(r"\D")


def access_person(user: Any, person_id: int) -> Person:
    return Person.objects.select_related("program").visible_one(user, person_id, "Person")


def view_person(user: Any, person_id: int) -> Person:
    """Fetch a person for display; every view of a person's record is audited."""
    person = access_person(user, person_id)
    record_event(AuditAction.VIEW, acting_user=user, instance=person)
    return person


def access_organization(user: Any, organization_id: int) -> Organization:
    return Organization.objects.visible_one(user, organization_id, "Organization")


def _matching_ids(user: Any, query: str) -> Q:
    """A filter on Person for the query read as name, phone, email and lot number at once."""
    text = query.strip().lower()
    condition = Q(search_name__contains=text) | Q(last_name__istartswith=text)
    points = ContactPoint.objects.visible_to(user)
    if "@" in text:
        emails = points.filter(kind=ContactKind.EMAIL, value__startswith=text)
        condition |= Q(pk__in=emails.values("person_id"))
    digits = _DIGITS.sub("", text)
    if len(digits) >= 4 and len(digits) >= len(text.replace(" ", "")) - 3:
        phones = points.filter(kind=ContactKind.PHONE, value__endswith=digits[-10:])
        condition |= Q(pk__in=phones.values("person_id"))
    if len(text) >= 3:
        condition |= _lot_condition(user, query)
    return condition


def _lot_condition(user: Any, query: str) -> Q:
    """Persons with a case on the lot. Lot ids first: the lot table is tiny and the case
    table is filtered through its lot index instead of walking every case of the program."""
    from caredesk.cases.models import Case
    from caredesk.tenancy.models import Lot

    lot_ids = list(
        Lot.objects.visible_to(user)
        .filter(number__iexact=query.strip())
        .values_list("id", flat=True)
    )
    if not lot_ids:
        return Q(pk__in=[])
    by_lot = Case.objects.visible_to(user).filter(lot_id__in=lot_ids)
    return Q(pk__in=by_lot.values("person_id"))


def search_persons(user: Any, query: str, limit: int = 25) -> QuerySet[Person]:
    """Persons the user may see whose name, phone, email or reported lot matches `query`.

    Audited: a search reveals who is on record, and the query itself may be personal data.
    """
    if len(query.strip()) < 2:
        return Person.objects.none()
    record_event(AuditAction.SEARCH, acting_user=user, model="people.person", reason=query[:200])
    return (
        Person.objects.visible_to(user)
        .filter(_matching_ids(user, query))
        .select_related("program")
        .order_by("last_name", "first_name", "id")[:limit]
    )
