"""A program's own reportability rules: a program admin proposes one (a partner agreement's
shorter clock, an internal hand-off within 24 hours for fatal or life-threatening cases), and
another program admin approves it with a Part 11 e-signature before it is in force.

Why two people and a signature: a rule decides when a regulatory report is due; changing it is
a change to a validated system's configuration (Part 11 §11.10(a), Annex 11 §10), so it needs
a second person's signed, audited approval. Approved rules are never edited: a new version of
the same rule is a new proposal that retires the old one when approved. Cases keep the dates
they were computed under until one of their facts changes (see rules_clocks).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.audit.models import AuditAction, SignatureMeaning
from caredesk.audit.services import diff, record_created, record_event, snapshot
from caredesk.audit.signatures import content_digest, sign_record
from caredesk.errors import Conflict, Forbidden, InvalidInput
from caredesk.safety.models_rules import ProgramRule, ProgramRuleStatus
from caredesk.safety.reportability.errors import RuleError
from caredesk.safety.reportability.rules import parse_rules
from caredesk.safety.services.rules import (
    approved_program_rules,
    current_ruleset,
    file_rule_entry,
    merged_document,
)
from caredesk.tenancy.models import Program, Role
from caredesk.tenancy.services import check_can_write, roles_of

TRACKED = ["status", "decided_at", "decision_note", "retired_at"]
ENTRY_KEYS: tuple[str, ...] = ("kind", "jurisdiction", "product_types", "trigger", "when")
ENTRY_KEYS += ("clock", "unit", "calendar", "group", "citation", "basis")
ENTRY_KEYS += ("effective_from", "effective_to")
_RULE_ID = re.compile(r"[a-z][a-z0-9-]{2,60}")


def require_admin(user: Any, program_id: int) -> None:
    """A program admin of this program (anyone else: 403; another program: 404)."""
    check_can_write(user, program_id)
    if Role.PROGRAM_ADMIN not in roles_of(user, program_id):
        raise Forbidden("Only a program admin can change the program's reportability rules")


def access_program_rule(user: Any, pk: int) -> ProgramRule:
    return ProgramRule.objects.visible_one(user, pk, "Rule")


def program_rule_id(program: Program, name: str) -> str:
    """Program rule ids carry the program code, so they never collide with the file's ids."""
    return f"{program.code}-{name}".lower()[:80]


def clean_entry(raw: dict[str, Any]) -> dict[str, Any]:
    """The rule fields as JSON values (dates as YYYY-MM-DD), empty optional fields left out."""
    entry: dict[str, Any] = {}
    for key in ENTRY_KEYS:
        value = raw.get(key)
        if value in (None, "", []):
            continue
        entry[key] = value.isoformat() if isinstance(value, dt.date) else value
    return entry


def signed_content(rule: ProgramRule) -> bytes:
    """The exact bytes an approver signs: program, rule id, what it replaces, the rule, why."""
    content = {
        "program": rule.program_id,
        "rule_id": rule.rule_id,
        "replaces": rule.replaces,
        "entry": rule.entry,
        "reason": rule.reason,
    }
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode("utf-8")


def validate_with_program_rules(program_id: int, rule_id: str, replaces: str, entry: dict) -> None:
    """The rule must load together with the current file version and the program's other
    approved rules (known flags, units, calendars; no overlapping versions)."""
    version = current_ruleset()
    if replaces and file_rule_entry(version, replaces) is None:
        raise InvalidInput("No such rule to override", {"replaces": f"{replaces!r} is unknown"})
    others = [
        (r.rule_id, r.replaces, r.entry)
        for r in approved_program_rules(program_id)
        if r.rule_id != rule_id and (not replaces or r.replaces != replaces)
    ]
    try:
        parse_rules(merged_document(version.source, [*others, (rule_id, replaces, entry)]))
    except RuleError as exc:
        raise InvalidInput(f"The rule does not load: {exc}", {"entry": str(exc)}) from None


def propose_program_rule(
    program: Program,
    *,
    acting_user: Any,
    name: str,
    entry: dict[str, Any],
    reason: str,
    replaces: str = "",
) -> ProgramRule:
    """A program admin proposes a rule (or a new version of one); nothing is in force yet."""
    require_admin(acting_user, program.pk)
    if not _RULE_ID.fullmatch(name or ""):
        raise InvalidInput("Invalid rule name", {"name": "3-60 of a-z, 0-9 and '-'"})
    if not reason.strip():
        raise InvalidInput("Say why (the agreement or SOP)", {"reason": "required"})
    rule_id = program_rule_id(program, name)
    cleaned = clean_entry(entry)
    validate_with_program_rules(program.pk, rule_id, replaces, cleaned)
    rule = ProgramRule(
        program=program,
        rule_id=rule_id,
        replaces=replaces,
        entry=cleaned,
        reason=reason.strip(),
        proposed_by=acting_user,
        proposed_at=timezone.now(),
    )
    rule.content_sha256 = content_digest(signed_content(rule))
    with transaction.atomic():
        rule.save()
        fields = ["rule_id", "replaces", "entry", "reason", "status", "content_sha256"]
        record_created(rule, acting_user=acting_user, fields=fields)
    return rule


def approve_program_rule(
    rule: ProgramRule, *, acting_user: Any, password: str, note: str = ""
) -> ProgramRule:
    """Another program admin approves with an e-signature; older versions of it retire."""
    require_admin(acting_user, rule.program_id)
    _check_open(rule)
    if rule.proposed_by_id == acting_user.pk:
        raise Forbidden("Another program admin must approve a rule you proposed")
    content = signed_content(rule)
    if content_digest(content) != rule.content_sha256:
        raise Conflict("The rule changed after it was proposed; propose it again")
    validate_with_program_rules(rule.program_id, rule.rule_id, rule.replaces, rule.entry)
    # Signed outside our transaction, as submissions do: a refused signature stays audited.
    signature = sign_record(
        rule,
        content,
        signer=acting_user,
        password=password,
        meaning=SignatureMeaning.RESPONSIBILITY,
    )
    now = timezone.now()
    with transaction.atomic():
        for older in _versions_in_force(rule):
            _move(older, ProgramRuleStatus.RETIRED, acting_user, retired_at=now)
        _move(
            rule,
            ProgramRuleStatus.APPROVED,
            acting_user,
            decided_by=acting_user,
            decided_at=now,
            decision_note=note.strip(),
            signature=signature,
        )
    return rule


def reject_program_rule(rule: ProgramRule, *, acting_user: Any, note: str) -> ProgramRule:
    """Another admin rejects the proposal, or its author withdraws it; a reason is required."""
    require_admin(acting_user, rule.program_id)
    _check_open(rule)
    if not note.strip():
        raise InvalidInput("Say why", {"note": "required"})
    own = rule.proposed_by_id == acting_user.pk
    status = ProgramRuleStatus.WITHDRAWN if own else ProgramRuleStatus.REJECTED
    with transaction.atomic():
        _move(
            rule,
            status,
            acting_user,
            decided_by=acting_user,
            decided_at=timezone.now(),
            decision_note=note.strip(),
        )
    return rule


def _check_open(rule: ProgramRule) -> None:
    if rule.status != ProgramRuleStatus.PROPOSED:
        raise Conflict(f"This rule is {rule.get_status_display().lower()}, not a proposal")


def _versions_in_force(rule: ProgramRule) -> list[ProgramRule]:
    """Approved rules this one supersedes: its earlier versions and other overrides of the
    same file rule."""
    return [
        r
        for r in approved_program_rules(rule.program_id)
        if r.rule_id == rule.rule_id or (rule.replaces and r.replaces == rule.replaces)
    ]


def _move(rule: ProgramRule, status: str, acting_user: Any, **fields: Any) -> None:
    before = snapshot(rule, TRACKED)
    rule.status = status
    for name, value in fields.items():
        setattr(rule, name, value)
    rule.save(update_fields=["status", *fields])
    record_event(
        AuditAction.UPDATE,
        acting_user=acting_user,
        instance=rule,
        changes=diff(before, snapshot(rule, TRACKED)),
        reason=str(fields.get("decision_note", "")),
    )
