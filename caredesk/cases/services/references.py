"""Turning ids sent by a client into objects the caller may reference.

An id the caller cannot see answers like an id that does not exist, but as a field error
(InvalidInput) because it names a bad input, not a missing resource of the URL.
"""

from __future__ import annotations

from typing import Any

from caredesk.cases.models import Interaction
from caredesk.cases.services.access import access_interaction
from caredesk.errors import InvalidInput, NotFound
from caredesk.people.models import Person
from caredesk.people.services.lookup import access_person
from caredesk.routing.models import Queue
from caredesk.tenancy.models import Lot, Membership, Product
from caredesk.tenancy.services import access_lot, access_product


def _field_error(field: str, what: str) -> InvalidInput:
    return InvalidInput(f"Unknown {what}", {field: f"no {what} with this id"})


def resolve_person(user: Any, person_id: int | None, field: str = "person_id") -> Person | None:
    if person_id is None:
        return None
    try:
        return access_person(user, person_id)
    except NotFound:
        raise _field_error(field, "person") from None


def resolve_product(user: Any, product_id: int | None) -> Product | None:
    if product_id is None:
        return None
    try:
        return access_product(user, product_id)
    except NotFound:
        raise _field_error("product_id", "product") from None


def resolve_lot(user: Any, lot_id: int | None) -> Lot | None:
    if lot_id is None:
        return None
    try:
        return access_lot(user, lot_id)
    except NotFound:
        raise _field_error("lot_id", "lot") from None


def resolve_queue(user: Any, queue_id: int | None) -> Queue | None:
    if queue_id is None:
        return None
    queue = Queue.objects.visible_to(user).filter(pk=queue_id).first()
    if queue is None:
        raise _field_error("queue_id", "queue")
    return queue


def resolve_assignee(program_id: int, user_id: int | None) -> Any:
    """A user holding an active role in the program, or a field error (never who exists)."""
    if user_id is None:
        return None
    membership = (
        Membership.objects.filter(program_id=program_id, user_id=user_id, active=True)
        .select_related("user")
        .first()
    )
    if membership is None or not membership.user.is_active:
        raise InvalidInput("Invalid owner", {"owner_id": "not a member of this case's program"})
    return membership.user


def resolve_interaction(user: Any, interaction_id: int | None) -> Interaction | None:
    if interaction_id is None:
        return None
    try:
        return access_interaction(user, interaction_id)
    except NotFound:
        raise _field_error("interaction_id", "interaction") from None
