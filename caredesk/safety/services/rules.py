"""Rule versions in the database: load rules.yaml as a new version when it changed, and build
the engine's rule set for a program (the version plus the program's approved rules).

Why the engine reads the stored file text rather than the rows: the loader in
`caredesk.safety.reportability.rules` is the one validator of rule data, and a version's text is
exactly what was validated when it was loaded; the `ReportRule` rows are its readable index.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from caredesk.audit.models import AuditAction
from caredesk.audit.services import record_event
from caredesk.errors import InvalidInput
from caredesk.safety.models_rules import (
    ProgramRule,
    ProgramRuleStatus,
    ReportRule,
    ReportRuleSet,
)
from caredesk.safety.reportability.errors import RuleError
from caredesk.safety.reportability.rules import RULES_FILE, RuleSet, parse_rules

SYSTEM_LOADER = "system:load-rules"
_ENGINE_CACHE: dict[tuple[str, tuple[tuple[str, str, str], ...]], RuleSet] = {}
_CACHE_LIMIT = 256


def file_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_rule_file(
    path: Path | str | None = None, *, loaded_by: str = SYSTEM_LOADER
) -> tuple[ReportRuleSet, bool]:
    """Load the rule file as a new version unless it equals the current one (idempotent).

    Returns (version, created). A file that does not validate raises InvalidInput and adds
    nothing.
    """
    text = Path(path or RULES_FILE).read_text(encoding="utf-8")
    digest = file_digest(text)
    current = ReportRuleSet.objects.order_by("-version").first()
    if current is not None and current.sha256 == digest:
        return current, False
    try:
        parsed = parse_rules(yaml.safe_load(text))
    except (RuleError, yaml.YAMLError) as exc:
        raise InvalidInput(f"The rule file does not load: {exc}", {"rules": str(exc)}) from None
    with transaction.atomic():
        number = (ReportRuleSet.objects.aggregate(n=Max("version"))["n"] or 0) + 1
        ruleset = ReportRuleSet.objects.create(
            version=number,
            sha256=digest,
            source=text,
            loaded_at=timezone.now(),
            loaded_by=loaded_by[:150],
        )
        ReportRule.objects.bulk_create(_rows(ruleset, parsed))
        record_event(
            AuditAction.CREATE,
            acting_user=None,
            instance=ruleset,
            actor_username=loaded_by,
            changes={"version": [None, number], "sha256": [None, digest]},
            reason=f"{len(parsed.rules)} rules loaded",
        )
    return ruleset, True


def _rows(ruleset: ReportRuleSet, parsed: RuleSet) -> list[ReportRule]:
    return [
        ReportRule(
            ruleset=ruleset,
            rule_id=rule.id,
            kind=rule.kind,
            jurisdiction=rule.jurisdiction,
            product_types=list(rule.product_types),
            trigger=rule.trigger,
            when=rule.when[:300],
            clock=rule.clock,
            unit=rule.unit.value,
            calendar=rule.calendar or "",
            group=rule.group or "",
            citation=rule.citation,
            basis=rule.basis,
            effective_from=rule.effective_from,
            effective_to=rule.effective_to,
            verify=rule.verify or "",
        )
        for rule in parsed.rules
    ]


def current_ruleset() -> ReportRuleSet:
    """The version new computations use: the latest loaded (the packaged file when none is)."""
    found = ReportRuleSet.objects.order_by("-version").first()
    if found is None:
        found, _ = load_rule_file()
    return found


def approved_program_rules(program_id: int) -> list[ProgramRule]:
    """The program's rules in force (approved, not retired), oldest first."""
    return list(
        ProgramRule.objects.system_scope()
        .filter(program_id=program_id, status=ProgramRuleStatus.APPROVED)
        .order_by("pk")
    )


def engine_rules(ruleset: ReportRuleSet, program_rules: Sequence[ProgramRule] = ()) -> RuleSet:
    """The engine's rule set: a version's rules, overridden and extended by program rules.

    Cached by content, not by primary key: a key of ids would hand back a stale rule set where
    ids are reused (SQLite after a delete, a restored database)."""
    key = (
        ruleset.sha256,
        tuple(
            (r.rule_id, r.replaces, json.dumps(r.entry, sort_keys=True, default=str))
            for r in program_rules
        ),
    )
    found = _ENGINE_CACHE.get(key)
    if found is None:
        document = merged_document(
            ruleset.source, [(r.rule_id, r.replaces, r.entry) for r in program_rules]
        )
        found = parse_rules(document)
        if len(_ENGINE_CACHE) > _CACHE_LIMIT:
            _ENGINE_CACHE.clear()
        _ENGINE_CACHE[key] = found
    return found


def merged_document(source: str, program_rules: Sequence[tuple[str, str, dict[str, Any]]]) -> Any:
    """The rule file with each override's replaced rule taken out and the program rules added."""
    document = yaml.safe_load(source)
    replaced = {replaces for _id, replaces, _entry in program_rules if replaces}
    rules = [rule for rule in document["rules"] if rule.get("id") not in replaced]
    rules += [{**entry, "id": rule_id} for rule_id, _replaces, entry in program_rules]
    return {**document, "rules": rules}


def file_rule_entry(ruleset: ReportRuleSet, rule_id: str) -> dict[str, Any] | None:
    """One rule of a version as written in the file (to start an override from)."""
    for entry in yaml.safe_load(ruleset.source)["rules"]:
        if entry.get("id") == rule_id:
            return dict(entry)
    return None
