"""Fetching a case or interaction for a user, or not-found when it is another program's."""

from __future__ import annotations

from typing import Any

from caredesk.cases.models import Case, Interaction
from caredesk.errors import NotFound


def access_case(user: Any, case_id: int) -> Case:
    case = (
        Case.objects.visible_to(user)
        .select_related("program", "person", "owner", "queue", "product", "lot")
        .filter(pk=case_id)
        .first()
    )
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
