"""A proposed variant of `search_persons`, measured next to the real one (not used by the app).

Finding (see the search benchmark): every query of 3+ characters runs the lot branch, and
`Case.objects.visible_to(user).filter(lot__number__iexact=q)` makes the planner walk all of the
program's cases (tens of thousands) joined to their lot, starting from the program index.
Resolving the lot ids first (a handful of rows in a tiny table) and then filtering cases by
`lot_id IN (...)` uses the foreign-key index on `cases_case.lot_id`. The change belongs in
`caredesk/people/services/lookup.py` (people app); it needs no model or index change.

The name, phone and email branches below are a copy of `lookup._matching_ids` at the time of
writing, so that only the lot branch differs between the two measurements.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q, QuerySet

_DIGITS = re.compile(r"\D")


def _lot_condition(user: Any, query: str) -> Q:
    from caredesk.cases.models import Case
    from caredesk.tenancy.models import Lot

    lots = Lot.objects.visible_to(user).filter(number__iexact=query.strip())
    lot_ids = list(lots.values_list("id", flat=True))
    if not lot_ids:
        return Q(pk__in=[])
    by_lot = Case.objects.visible_to(user).filter(lot_id__in=lot_ids)
    return Q(pk__in=by_lot.values("person_id"))


def _contact_condition(user: Any, text: str) -> Q:
    from caredesk.people.models import ContactKind, ContactPoint

    condition = Q(search_name__contains=text) | Q(last_name__istartswith=text)
    points = ContactPoint.objects.visible_to(user)
    if "@" in text:
        emails = points.filter(kind=ContactKind.EMAIL, value__startswith=text)
        condition |= Q(pk__in=emails.values("person_id"))
    digits = _DIGITS.sub("", text)
    if len(digits) >= 4 and len(digits) >= len(text.replace(" ", "")) - 3:
        phones = points.filter(kind=ContactKind.PHONE, value__endswith=digits[-10:])
        condition |= Q(pk__in=phones.values("person_id"))
    return condition


def search_persons_proposed(user: Any, query: str, limit: int = 25) -> QuerySet[Any]:
    """`search_persons` with the lot branch resolved in two steps; the same results."""
    from caredesk.people.models import Person

    if len(query.strip()) < 2:
        return Person.objects.none()
    text = query.strip().lower()
    condition = _contact_condition(user, text)
    if len(text) >= 3:
        condition |= _lot_condition(user, query)
    return (
        Person.objects.visible_to(user)
        .filter(condition)
        .select_related("program")
        .order_by("last_name", "first_name", "id")[:limit]
    )
