"""Load and validate the reportability rule table (rules.yaml): the rules are data, not code.

Why a loader that refuses so much: a rule table that loads with a typo in a unit or a flag name
would silently stop a clock. Every entry is checked when it is read — known keys, kinds, units,
calendars, dates, a parseable condition — and two versions of one rule may not overlap in time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from caredesk.safety.reportability.calendars import CALENDAR_COUNTRIES, ClockUnit
from caredesk.safety.reportability.conditions import (
    FLAG_BITS,
    KEYWORDS,
    MASKS,
    compile_condition,
)
from caredesk.safety.reportability.errors import RuleError

RULES_FILE = Path(__file__).with_name("rules.yaml")

JURISDICTIONS = ("US", "EU", "CA", "UK")
PRODUCT_TYPES = ("rx_drug", "otc_drug", "supplement", "device", "animal_drug")
TRIGGERS = ("initial", "follow_up", "nonapplicant_forwarding", "field_alert")

_REQUIRED = {"id", "kind", "jurisdiction", "product_types", "when", "clock", "unit", "citation"}
_OPTIONAL = {"trigger", "calendar", "group", "basis", "effective_from", "effective_to", "verify"}
_OPTIONAL |= {"window_months"}
_PERIODIC_KEYS = {"id", "jurisdiction", "product_types", "citation", "basis", "phases"}
_PERIODIC_KEYS |= {"effective_from", "effective_to"}


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    jurisdiction: str
    product_types: tuple[str, ...]
    trigger: str
    when: str
    clock: int
    unit: ClockUnit
    calendar: str | None
    group: str | None
    citation: str
    basis: str
    effective_from: dt.date
    effective_to: dt.date | None
    verify: str | None
    truth: bytes = field(repr=False)  # truth[mask] == 1 when the condition holds
    # Follow-up rules only: the new information must arrive within this many months of the
    # initial report's Day 0 (FD&C 760(c)(2)/761(c)(2): "within 1 year").
    window_months: int | None = None

    @property
    def basis_text(self) -> str:
        """What the deadlines output says about this report: why, and where it comes from."""
        return f"{self.basis}; {self.clock} {self.unit_text} after day 0 ({self.citation})"

    @property
    def unit_text(self) -> str:
        return self.unit.value.replace("_", " ")

    def in_force(self, day: dt.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


@dataclass(frozen=True)
class Phase:
    every_months: int
    due_days_after: int
    due_from: str = "close"  # close: the period's last day; anniversary: the day after it
    for_years: int | None = None  # None: until the end of the schedule


@dataclass(frozen=True)
class PeriodicRule:
    id: str
    jurisdiction: str
    product_types: tuple[str, ...]
    citation: str
    basis: str
    phases: tuple[Phase, ...]
    effective_from: dt.date
    effective_to: dt.date | None


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    periodic: tuple[PeriodicRule, ...]
    # (jurisdiction, product_type, trigger) -> per flag mask, the rules whose condition holds
    table: dict[tuple[str, str, str], tuple[tuple[Rule, ...], ...]]
    by_id: dict[str, Rule] = field(default_factory=dict)

    def kinds(self) -> set[str]:
        return {rule.kind for rule in self.rules}


# ----------------------------------------------------------------------------- loading


def load_rules(path: Path | str | None = None) -> RuleSet:
    """Read, validate and index a rule file (the packaged rules.yaml when no path is given)."""
    if path is None:
        return _default_rules()
    return parse_rules(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


@cache
def _default_rules() -> RuleSet:
    return parse_rules(yaml.safe_load(RULES_FILE.read_text(encoding="utf-8")))


def parse_rules(data: Any) -> RuleSet:
    """Validate the parsed YAML document and build the rule set and its lookup table."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError("the rule file needs a top-level 'rules' list")
    terms = data.get("terms") or {}
    if not isinstance(terms, dict) or not all(isinstance(v, str) for v in terms.values()):
        raise RuleError("'terms' must map names to conditions")
    clash = set(terms) & (set(FLAG_BITS) | KEYWORDS)
    if clash:
        raise RuleError(f"terms may not reuse flag names or keywords: {sorted(clash)}")
    rules = tuple(_parse_rule(entry, terms) for entry in data["rules"])
    _check_unique_ids([r.id for r in rules])
    _check_versions(rules)
    periodic = tuple(_parse_periodic(entry) for entry in data.get("periodic") or [])
    _check_unique_ids([r.id for r in rules] + [p.id for p in periodic])
    by_id = {rule.id: rule for rule in rules}
    return RuleSet(rules=rules, periodic=periodic, table=_index(rules), by_id=by_id)


def _parse_rule(entry: Any, terms: dict[str, str]) -> Rule:
    if not isinstance(entry, dict):
        raise RuleError(f"a rule must be a mapping, not {entry!r}")
    name = str(entry.get("id", "?"))
    _check_keys(name, entry, _REQUIRED, _OPTIONAL)
    unit = _choice(name, "unit", entry["unit"], [u.value for u in ClockUnit])
    calendar = entry.get("calendar")
    if unit in (ClockUnit.CALENDAR_DAYS, ClockUnit.HOURS) and calendar is not None:
        raise RuleError(f"rule {name}: a {unit} clock takes no calendar")
    if unit not in (ClockUnit.CALENDAR_DAYS, ClockUnit.HOURS):
        _choice(name, "calendar", calendar, list(CALENDAR_COUNTRIES))
    clock = entry["clock"]
    if not isinstance(clock, int) or isinstance(clock, bool) or clock <= 0:
        raise RuleError(f"rule {name}: clock must be a positive whole number of days")
    try:
        truth = compile_condition(str(entry["when"]), terms)
    except RuleError as exc:
        raise RuleError(f"rule {name}: {exc}") from None
    start, end = _dates(name, entry)
    window = entry.get("window_months")
    if window is not None and (not isinstance(window, int) or isinstance(window, bool)):
        raise RuleError(f"rule {name}: window_months must be a whole number of months")
    return Rule(
        id=name,
        kind=_identifier(name, "kind", entry["kind"]),
        jurisdiction=_choice(name, "jurisdiction", entry["jurisdiction"], JURISDICTIONS),
        product_types=_product_types(name, entry["product_types"]),
        trigger=_choice(name, "trigger", entry.get("trigger", "initial"), TRIGGERS),
        when=str(entry["when"]),
        clock=clock,
        unit=ClockUnit(unit),
        calendar=calendar,
        group=entry.get("group"),
        citation=_citation(entry),
        basis=str(entry.get("basis") or entry["kind"]),
        effective_from=start,
        effective_to=end,
        verify=entry.get("verify"),
        truth=truth,
        window_months=window,
    )


def _citation(entry: dict[str, Any]) -> str:
    """The citation as written, saying VERIFY when the rule rests on an unconfirmed point
    (regulations.md marks them so; the output must not present them as settled law)."""
    citation = str(entry["citation"])
    if entry.get("verify") and "VERIFY" not in citation:
        citation += " (VERIFY)"
    return citation


def _parse_periodic(entry: Any) -> PeriodicRule:
    if not isinstance(entry, dict):
        raise RuleError(f"a periodic rule must be a mapping, not {entry!r}")
    name = str(entry.get("id", "?"))
    _check_keys(name, entry, {"id", "jurisdiction", "product_types", "phases"}, _PERIODIC_KEYS)
    phases = []
    for raw in entry["phases"]:
        try:
            phase = Phase(**raw)
        except TypeError as exc:
            raise RuleError(f"periodic rule {name}: bad phase {raw!r} ({exc})") from None
        bad_from = phase.due_from not in ("close", "anniversary")
        if phase.every_months <= 0 or phase.due_days_after < 0 or bad_from:
            raise RuleError(f"periodic rule {name}: bad phase {raw!r}")
        phases.append(phase)
    if not phases or phases[-1].for_years is not None:
        raise RuleError(f"periodic rule {name}: the last phase must run without an end")
    start, end = _dates(name, entry)
    return PeriodicRule(
        id=name,
        jurisdiction=_choice(name, "jurisdiction", entry["jurisdiction"], JURISDICTIONS),
        product_types=_product_types(name, entry["product_types"]),
        citation=str(entry.get("citation", "")),
        basis=str(entry.get("basis", "")),
        phases=tuple(phases),
        effective_from=start,
        effective_to=end,
    )


def _check_keys(name: str, entry: dict[str, Any], required: set[str], allowed: set[str]) -> None:
    missing = required - set(entry)
    unknown = set(entry) - required - allowed
    if missing:
        raise RuleError(f"rule {name}: missing {sorted(missing)}")
    if unknown:
        raise RuleError(f"rule {name}: unknown keys {sorted(unknown)}")


def _choice(name: str, key: str, value: Any, allowed: Any) -> Any:
    if value not in allowed:
        raise RuleError(f"rule {name}: {key} {value!r} is not one of {list(allowed)}")
    return value


def _identifier(name: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise RuleError(f"rule {name}: {key} must be a lower-case identifier, not {value!r}")
    return value


def _product_types(name: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise RuleError(f"rule {name}: product_types must be a non-empty list")
    return tuple(_choice(name, "product type", v, PRODUCT_TYPES) for v in value)


def _dates(name: str, entry: dict[str, Any]) -> tuple[dt.date, dt.date | None]:
    start = _date(name, "effective_from", entry.get("effective_from", dt.date.min))
    raw_end = entry.get("effective_to")
    end = None if raw_end is None else _date(name, "effective_to", raw_end)
    if end is not None and end < start:
        raise RuleError(f"rule {name}: effective_to is before effective_from")
    return start, end


def _date(name: str, key: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise RuleError(f"rule {name}: {key} must be a date, not a date and time")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(f"rule {name}: {key} {value!r} is not a YYYY-MM-DD date") from None


def _check_unique_ids(ids: list[str]) -> None:
    seen: set[str] = set()
    for rule_id in ids:
        if rule_id in seen:
            raise RuleError(f"rule id {rule_id!r} is used twice")
        seen.add(rule_id)


def _check_versions(rules: tuple[Rule, ...]) -> None:
    """Two versions of one rule (same kind, place, product and trigger) may not overlap."""
    by_key: dict[tuple[str, str, str, str], list[Rule]] = {}
    for rule in rules:
        for product in rule.product_types:
            key = (rule.kind, rule.jurisdiction, product, rule.trigger)
            by_key.setdefault(key, []).append(rule)
    for key, versions in by_key.items():
        versions.sort(key=lambda r: r.effective_from)
        for older, newer in itertools.pairwise(versions):
            if older.effective_to is None or older.effective_to >= newer.effective_from:
                raise RuleError(f"rules {older.id} and {newer.id} overlap in time for {key}")


def _index(rules: tuple[Rule, ...]) -> dict[tuple[str, str, str], tuple[tuple[Rule, ...], ...]]:
    grouped: dict[tuple[str, str, str], list[Rule]] = {}
    for rule in rules:
        for product in rule.product_types:
            grouped.setdefault((rule.jurisdiction, product, rule.trigger), []).append(rule)
    return {
        key: tuple(tuple(r for r in candidates if r.truth[mask]) for mask in MASKS)
        for key, candidates in grouped.items()
    }
