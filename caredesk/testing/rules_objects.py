"""A program's reportability rule for the route-walking tests (keyed by the path parameter
name of the rule routes), created directly, without the services."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from caredesk.safety.models_rules import ProgramRule
from caredesk.testing.factories import UserFactory


def rules_side(program_id: int) -> dict[str, int]:
    author: Any = UserFactory()
    rule = ProgramRule.objects.create(
        program_id=program_id,
        rule_id=f"p{program_id}-handoff-24h",
        entry={"kind": "internal_handoff_urgent", "clock": 24, "unit": "hours"},
        reason="SOP",
        content_sha256="0" * 64,
        proposed_by=author,
        proposed_at=timezone.now(),
    )
    return {"program_rule_id": rule.pk}
