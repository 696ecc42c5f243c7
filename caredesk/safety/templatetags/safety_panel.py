"""Template tags the case page uses through `safety/_findings_panel.html` (one include line in
the cases templates): the findings panel of an interaction and the tampering-lock banner."""

from __future__ import annotations

from typing import Any

from django import template

from caredesk.cases.models import Case, Interaction
from caredesk.safety.forms import AddFindingForm
from caredesk.safety.models import FindingKind
from caredesk.safety.services.panel import interaction_panel

register = template.Library()


@register.inclusion_tag("safety/_findings.html", takes_context=True)
def findings_panel(context: Any, interaction: Interaction, **extra: Any) -> dict[str, Any]:
    return {
        "panel": interaction_panel(interaction),
        "interaction": interaction,
        "add_form": extra.get("add_form") or AddFindingForm(auto_id=f"add{interaction.pk}_%s"),
        "errors": extra.get("errors") or {},
        "kinds": FindingKind,
        "csrf_token": context.get("csrf_token"),
        "oob": extra.get("oob", False),
    }


@register.inclusion_tag("safety/_lock_banner.html")
def case_lock_banner(case: Case, oob: bool = False) -> dict[str, Any]:
    from caredesk.quality.services.tampering import active_lock

    return {"lock": active_lock(case), "case": case, "oob": oob}


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def due_state(row: Any, now: Any) -> str:
    """A queue row's clock state: overdue, due_soon, on_track or none."""
    return str(row.state(now))
