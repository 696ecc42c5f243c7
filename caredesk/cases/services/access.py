"""Fetching a case or interaction for a user, or not-found when it is another program's."""

from __future__ import annotations

from typing import Any

from caredesk.cases.models import Case, Interaction
from caredesk.errors import NotFound

_DISPLAY_RELATIONS = ("program", "person", "owner", "queue", "product", "lot")


def access_case(user: Any, case_id: int, *, for_display: bool = True) -> Case:
    """The case if the user may see it. Write paths pass `for_display=False`: they need the
    case's own columns (`program_id` and the like), not the six joins a page header shows; a
    join costs a few hundred microseconds to compile on every request, used or not."""
    queryset = Case.objects.visible_to(user)
    if for_display:
        queryset = queryset.select_related(*_DISPLAY_RELATIONS)
    case = queryset.filter(pk=case_id).first()
    if case is None:
        raise NotFound("Case not found")
    return case


def access_case_by_reference(user: Any, reference: str) -> Case:
    case = Case.objects.visible_to(user).filter(reference=reference.strip().upper()).first()
    if case is None:
        raise NotFound("Case not found")
    return case


def access_interaction(user: Any, interaction_id: int) -> Interaction:
    interaction = (
        Interaction.objects.visible_to(user)
        .select_related("case", "author")
        .filter(pk=interaction_id)
        .first()
    )
    if interaction is None:
        raise NotFound("Interaction not found")
    return interaction
