"""Who may see and change which program's data."""

from __future__ import annotations

from typing import Any

from caredesk.errors import Forbidden, NotFound
from caredesk.tenancy.models import MFA_ROLES, READ_ONLY_ROLES, Lot, Membership, Product, Program


def roles_of(user: Any, program: Program | int | None = None) -> set[str]:
    """The roles a user holds, in one program or in any."""
    if not getattr(user, "is_authenticated", False):
        return set()
    qs = Membership.objects.filter(user_id=user.pk, active=True)
    if program is not None:
        qs = qs.filter(program_id=getattr(program, "pk", program))
    return set(qs.values_list("role", flat=True))


def requires_mfa(user: Any) -> bool:
    return bool(roles_of(user) & set(MFA_ROLES))


def access_program(user: Any, program_id: int) -> Program:
    return Program.objects.visible_one(user, program_id, "Program")


def check_can_write(user: Any, program: Program | int) -> None:
    """Raise unless the user holds a role in the program that may change data."""
    roles = roles_of(user, program)
    if not roles:
        raise NotFound("Program not found")
    if roles <= set(READ_ONLY_ROLES):
        raise Forbidden("Your role in this program is read-only")


def writable_programs(user: Any) -> list[Program]:
    ids = (
        Membership.objects.filter(user_id=user.pk, active=True)
        .exclude(role__in=list(READ_ONLY_ROLES))
        .values("program_id")
    )
    return list(Program.objects.filter(pk__in=ids).order_by("name"))


def access_product(user: Any, product_id: int) -> Product:
    return Product.objects.visible_one(user, product_id, "Product")


def access_lot(user: Any, lot_id: int) -> Lot:
    return Lot.objects.select_related("product").visible_one(user, lot_id, "Lot")
