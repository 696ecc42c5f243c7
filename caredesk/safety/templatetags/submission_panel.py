"""The submissions panel on the safety case page (one include line in `_case_body.html`):
rendered in place, so the page needs no second request and works without JavaScript."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("safety/submission_panel.html", takes_context=True)
def submission_panel(context: Any) -> dict[str, Any]:
    from caredesk.safety.views_submissions import panel_context

    panel = panel_context(context["request"], context["sc"])
    return {**panel, "csrf_token": context.get("csrf_token")}
