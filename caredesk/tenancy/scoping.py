"""The one way into program-scoped data.

Views, API handlers and exports read program-scoped rows only through `visible_to(user)` or an
`access_*` function. Code that must see every program (workers, the demo loader, the audit
verifier) calls `system_scope()` so that each bypass can be found with grep.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.db import models

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from caredesk.accounts.models import User


def program_ids_for(user: User | AnonymousUser) -> models.QuerySet[Any]:
    """Ids of the programs a user is assigned to (a subquery, not a list)."""
    from caredesk.tenancy.models import Membership

    if not user.is_authenticated or not user.is_active:
        return Membership.objects.none().values("program_id")
    return Membership.objects.filter(user_id=user.pk, active=True).values("program_id")


class ProgramScopedQuerySet(models.QuerySet[Any]):
    """QuerySet of a model whose rows belong to one program through `scope_path`."""

    def visible_to(self, user: User | AnonymousUser) -> Self:
        path = getattr(self.model, "scope_path", "program")
        return self.filter(**{f"{path}__in": program_ids_for(user)})

    def visible_one(self, user: User | AnonymousUser, pk: Any, what: str) -> Any:
        """The row with this id if the user may see it; otherwise NotFound ("<what> not
        found"): another program's row gets the same answer as one that does not exist."""
        from caredesk.errors import NotFound

        found = self.visible_to(user).filter(pk=pk).first()
        if found is None:
            raise NotFound(f"{what} not found")
        return found

    def system_scope(self) -> Self:
        """Every program's rows: for workers and maintenance only, never for a user request."""
        return self.all()


ProgramScopedManager = models.Manager.from_queryset(ProgramScopedQuerySet)
